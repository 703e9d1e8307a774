package org.lotkeeper.web.it.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotkeeper.web.it.Api;
import org.lotkeeper.web.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real headless Chromium: the plugins page enables, disables and configures
 * a type, the users page creates and manages users, and the audit page lists the changes. Every
 * effect is checked through the REST API. A staff user sees the admins-only message on each page
 * and changes nothing.
 *
 * <p>The damage type's settings are shared by every test on the server, so the test that changes
 * them restores them before it ends.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    private static final String DAMAGE = "/api/v1/adjustment-types/damage";

    private static final String ADMINS_ONLY = "This page is for admins only.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    Browser browser;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        browser = Browser.start(api.base());
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void pluginsPageDisablesAndConfiguresType() {
        JsonObject original = api.get(DAMAGE).json().getJsonObject("settings");
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "ADM", location, "10", "1.00", null, null);
        signInAs("admin", Api.ADMIN_PASSWORD, "admin/plugins.xhtml");
        try {
            String row = "plugins:types:" + rowIndex("plugins:types", "damage");
            assertEquals("enabled", browser.text(row + ":status"), "damage status before the change");
            long usageBefore = Long.parseLong(browser.text(row + ":usage"));
            assertTrue(browser.driver().getPageSource().contains("SHA-256"),
                    "types loaded from a jar show the jar's checksum");
            browser.screenshot("admin-plugins");

            browser.clickConfirmed(row + ":disable", "plugins:confirmYes");
            browser.waitForText(row + ":status", "disabled");
            assertTrue(browser.text("plugins:messages").contains("Disabled type damage."), browser.text("plugins:messages"));
            assertEquals("disabled", api.get(DAMAGE).json().getString("status"), "API status after disabling");
            Api.Response rejected = api.damage(lot, "1", null);
            assertEquals(422, rejected.status(), "a damage posting of a disabled type: " + rejected.body());
            assertTrue(rejected.body().contains("disabled"), rejected.body());
            assertEquals(0, new BigDecimal("10").compareTo(api.quantity(lot)), "the rejected posting wrote nothing");
            browser.screenshot("admin-plugins-disabled");

            browser.click(row + ":enable");
            browser.waitForText(row + ":status", "enabled");
            assertEquals("enabled", api.get(DAMAGE).json().getString("status"), "API status after enabling");
            assertEquals(201, api.damage(lot, "1", null).status(), "a damage posting after re-enabling");

            browser.click(row + ":configure");
            browser.type("configureForm:backdatingDays", "45");
            browser.type("configureForm:reasonCodes", "BROKEN, BAD CODE");
            browser.click("configureForm:save");
            browser.waitForText("configureForm", "A reason code has 1 to 60 letters");
            assertTrue(browser.element("configureForm:reasonCodes").getAttribute("class").contains("ui-state-error"),
                    "the reason codes input is marked invalid");
            browser.screenshot("admin-plugins-configure-rejected");

            browser.type("configureForm:reasonCodes", "BROKEN, WATER, LOST");
            browser.click("configureForm:save");
            browser.waitForText("plugins:messages", "Saved the settings of type damage.");
            JsonObject saved = api.get(DAMAGE).json().getJsonObject("settings");
            assertEquals(45, saved.getInt("backdatingDays"), "saved backdating window");
            assertEquals(List.of("BROKEN", "WATER", "LOST"),
                    saved.getJsonArray("reasonCodes").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList(), "saved reason codes");
            assertTrue(saved.getBoolean("enabled"), "configuring keeps the type enabled");

            browser.open("admin/plugins.xhtml");
            String reloadedRow = "plugins:types:" + rowIndex("plugins:types", "damage");
            assertEquals(usageBefore + 1, Long.parseLong(browser.text(reloadedRow + ":usage")),
                    "usage counts the posted damage document");
        } finally {
            Api.Response restored = api.put(DAMAGE + "/settings", Json.createObjectBuilder()
                    .add("enabled", true)
                    .add("approvalRequired", original.getBoolean("approvalRequired"))
                    .add("backdatingDays", original.getInt("backdatingDays"))
                    .add("reasonCodes", original.getJsonArray("reasonCodes")).build().toString());
            assertEquals(200, restored.status(), restored.body());
        }

        browser.open("admin/audit.xhtml");
        browser.choose("audit:action", "type.configure");
        browser.click("audit:search");
        List<String> targets = columnTexts("audit:events", "audit-target");
        List<String> details = columnTexts("audit:events", "audit-detail");
        assertFalse(targets.isEmpty(), "the filtered audit list has type changes");
        assertTrue(targets.stream().allMatch(text -> !text.isEmpty()), "every type change names its type");
        assertTrue(columnTexts("audit:events", "audit-action").stream().allMatch("type.configure"::equals),
                "the action filter keeps only type changes");
        assertTrue(details.stream().anyMatch(text -> text.startsWith("enabled=false")),
                "the audit list has the disabling: " + details);
        assertTrue(browser.element("audit:csv").getAttribute("href").endsWith("/api/v1/audit.csv?action=type.configure"),
                "the export link carries the filter: " + browser.element("audit:csv").getAttribute("href"));
        browser.screenshot("admin-audit");
    }

    @Test
    void usersPageCreatesAndDisablesUser() {
        String name = "clerk-" + Api.shortId().toLowerCase();
        String password = "clerk-password-" + Api.shortId();
        signInAs("admin", Api.ADMIN_PASSWORD, "admin/users.xhtml");

        browser.type("createUser:userName", name);
        browser.type("createUser:password", "short");
        browser.click("createUser:create");
        assertTrue(cellOf("createUser:password").contains("A password needs at least 12 characters."),
                "password message: " + cellOf("createUser:password"));
        assertEquals(401, Api.user(url, name, "short").get("/api/v1/me").status(), "a rejected user was not created");
        browser.screenshot("admin-users-rejected");

        browser.type("createUser:userName", name);
        browser.type("createUser:password", password);
        browser.click("createUser:create");
        browser.waitForText("createUser:messages", "Created user " + name + " with role staff.");
        Api created = Api.user(url, name, password);
        Api.Response me = created.get("/api/v1/me");
        assertEquals(200, me.status(), "the new user signs in: " + me.body());
        assertEquals("staff", me.json().getString("role"), "the new user's role");

        String row = "usersForm:users:" + rowIndex("usersForm:users", name);
        new org.openqa.selenium.support.ui.Select(browser.element(row + ":role")).selectByValue("viewer");
        browser.click(row + ":saveRole");
        browser.waitForText("usersForm:messages", "User " + name + " now has role viewer.");
        assertEquals("viewer", created.get("/api/v1/me").json().getString("role"), "role after the change");

        browser.click(row + ":disable");
        browser.waitForText(row + ":status", "disabled");
        assertEquals(401, created.get("/api/v1/me").status(), "a disabled user cannot sign in");
        browser.screenshot("admin-users-disabled");

        browser.click(row + ":enable");
        browser.waitForText(row + ":status", "enabled");
        browser.click(row + ":reset");
        browser.waitForText("resetForm:resetUser", name);
        String newPassword = "reset-password-" + Api.shortId();
        browser.type("resetForm:password", newPassword);
        browser.click("resetForm:save");
        browser.waitForText("usersForm:messages", "Set a new password for user " + name + ".");
        assertEquals(401, created.get("/api/v1/me").status(), "the old password no longer works");
        assertEquals(200, Api.user(url, name, newPassword).get("/api/v1/me").status(), "the new password works");

        row = "usersForm:users:" + rowIndex("usersForm:users", "admin");
        browser.click(row + ":disable");
        assertTrue(browser.text("usersForm:messages").contains("You cannot disable or demote yourself"),
                browser.text("usersForm:messages"));
        assertEquals(200, api.get("/api/v1/me").status(), "the admin is still enabled");
        browser.screenshot("admin-users");
    }

    @Test
    void webhooksPageDisablesAndEnablesWebhook() {
        Api.Response registered = api.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/console-hook\"}");
        assertEquals(201, registered.status(), registered.body());
        long id = registered.json().getJsonNumber("id").longValue();
        try {
            signInAs("admin", Api.ADMIN_PASSWORD, "admin/webhooks.xhtml");
            String row = "webhooks:list:" + rowIndex("webhooks:list", String.valueOf(id));
            assertEquals("enabled", browser.text(row + ":status"));

            browser.clickConfirmed(row + ":disable", "webhooks:confirmYes");
            browser.waitForText(row + ":status", "disabled");
            assertTrue(browser.text("webhooks:messages").contains("Disabled webhook " + id + "."),
                    browser.text("webhooks:messages"));
            assertFalse(webhook(id).getBoolean("enabled"), "API status after disabling");
            browser.screenshot("admin-webhooks-disabled");

            browser.click(row + ":enable");
            browser.waitForText(row + ":status", "enabled");
            assertTrue(webhook(id).getBoolean("enabled"), "API status after enabling");
            JsonObject audited = api.get("/api/v1/audit?action=webhook.enable").array().getJsonObject(0);
            assertEquals(String.valueOf(id), audited.getString("target"), audited.toString());
        } finally {
            assertEquals(204, api.send(api.request("/api/v1/webhooks/" + id).DELETE()).status());
        }
    }

    private JsonObject webhook(long id) {
        return api.get("/api/v1/webhooks").array().stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(w -> w.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    @Test
    void staffSeesAdminsOnlyMessage() {
        String name = "staff-" + Api.shortId().toLowerCase();
        String password = "staff-password-" + Api.shortId();
        Api.Response created = api.post("/api/v1/users", Json.createObjectBuilder().add("userName", name)
                .add("password", password).add("role", "staff").build().toString());
        assertEquals(201, created.status(), created.body());
        String damageBefore = api.get(DAMAGE).json().toString();
        int usersBefore = api.get("/api/v1/users").array().size();

        signInAs(name, password, "admin/plugins.xhtml");
        for (String page : List.of("plugins", "users", "webhooks", "audit")) {
            browser.open("admin/" + page + ".xhtml");
            assertTrue(browser.currentUrl().endsWith("/admin/" + page + ".xhtml"), "the page opens: " + browser.currentUrl());
            assertTrue(browser.text("adminsOnly").startsWith(ADMINS_ONLY), page + ": " + browser.text("adminsOnly"));
            assertTrue(browser.all(By.cssSelector("form[id='plugins'], form[id='createUser'], form[id='usersForm'],"
                    + " form[id='audit'], form[id='configureForm'], form[id='resetForm'], form[id='webhooks']")).isEmpty(),
                    page + ": no admin form is rendered for staff");
            assertTrue(adminMenuLinks().isEmpty(), page + ": the menu has no admin entries");
            browser.screenshot("admin-" + page + "-as-staff");
        }

        assertEquals(damageBefore, api.get(DAMAGE).json().toString(), "the damage type is unchanged");
        assertEquals(usersBefore, api.get("/api/v1/users").array().size(), "no user was created");
        JsonArray denied = api.get("/api/v1/audit?user=" + name).array();
        assertEquals(0, denied.size(), "opening the pages calls no admin service: " + denied);
    }

    @Test
    void menuShowsAdminEntriesToAdmins() {
        signInAs("admin", Api.ADMIN_PASSWORD, "index.xhtml");
        List<String> links = adminMenuLinks().stream().map(link -> link.getAttribute("href")).toList();
        assertEquals(4, links.size(), "admin menu entries: " + links);
        assertTrue(links.get(0).endsWith("/admin/plugins.xhtml"), "plugins entry: " + links);
        assertTrue(links.get(1).endsWith("/admin/users.xhtml"), "users entry: " + links);
        assertTrue(links.get(2).endsWith("/admin/webhooks.xhtml"), "webhooks entry: " + links);
        assertTrue(links.get(3).endsWith("/admin/audit.xhtml"), "audit entry: " + links);
        assertTrue(browser.all(By.id("adminsOnly")).isEmpty(), "no admins-only message on other pages");
    }

    private void signInAs(String user, String password, String page) {
        browser.open(page);
        browser.signIn(user, password);
        browser.waitForUrl(page);
    }

    private List<WebElement> adminMenuLinks() {
        return browser.all(By.xpath("//header//a[contains(@href, '/admin/')]"));
    }

    /** Returns the index of the table row whose first cell is {@code firstCell}. */
    private int rowIndex(String tableId, String firstCell) {
        List<WebElement> rows = browser.all(By.cssSelector("[id='" + tableId + "_data'] > tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (firstCell.equals(rows.get(i).findElement(By.tagName("td")).getText().strip())) {
                return i;
            }
        }
        browser.screenshot("row-not-found");
        throw new AssertionError("No row '" + firstCell + "' in table " + tableId);
    }

    private List<String> columnTexts(String tableId, String cellClass) {
        return browser.all(By.cssSelector("[id='" + tableId + "_data'] td." + cellClass)).stream()
                .map(cell -> cell.getText().strip()).toList();
    }

    /** Returns the text of the cell or block that holds an input, including its message. */
    private String cellOf(String inputId) {
        return browser.element(inputId).findElement(By.xpath("./ancestor::div[1]")).getText();
    }
}
