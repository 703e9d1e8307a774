package org.lotkeeper.web.it.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonValue;

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
import org.openqa.selenium.JavascriptExecutor;

/**
 * The forms of the staff and admin screens in headless Chromium. Every hint sits on the row of
 * its own label and input. A rejected value stays in its input as typed, with its message next
 * to it, and one post shows the problems of every row.
 */
@ExtendWith(ArquillianExtension.class)
class FormsIT {

    /**
     * Lists the grid items of every visible form grid that are not on the row of the label
     * before them, or that sit left of it, and labels that are not in the first column.
     */
    private static final String MISPLACED_ITEMS = """
            const misplaced = [];
            const describe = e => e.outerHTML.replace(/\\s+/g, ' ').slice(0, 160);
            for (const grid of document.querySelectorAll('.form-grid')) {
              if (grid.getClientRects().length === 0) continue;
              const left = grid.getBoundingClientRect().left;
              let label = null;
              for (const item of grid.children) {
                if (item.getClientRects().length === 0) continue;
                const box = item.getBoundingClientRect();
                if (item.tagName === 'LABEL') {
                  label = item;
                  if (Math.abs(box.left - left) > 1) misplaced.push('label not in the first column: ' + describe(item));
                  continue;
                }
                if (label === null) continue;
                const row = label.getBoundingClientRect();
                const sameRow = box.top < row.bottom && box.bottom > row.top;
                if (!sameRow || box.left < row.right) {
                  misplaced.push(describe(item) + ' is not beside label ' + describe(label));
                }
              }
            }
            return misplaced;
            """;

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
    void hintsSitBesideTheirInputs() {
        browser.open("login.xhtml");
        assertLayout("login");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.waitForUrl("index.xhtml");

        List<String> types = new ArrayList<>();
        for (JsonValue type : api.get("/api/v1/adjustment-types").array()) {
            types.add(type.asJsonObject().getString("id"));
        }
        assertTrue(types.containsAll(List.of("opening", "damage", "assembly-disassembly")), "types: " + types);
        for (String type : types) {
            browser.open("newAdjustment.xhtml?type=" + type);
            assertLayout("new adjustment " + type);
        }

        browser.open("stocktake.xhtml");
        assertLayout("stocktake");

        browser.open("build.xhtml");
        assertLayout("build");

        browser.open("import.xhtml");
        browser.pick("importForm:kind", "opening-stock");
        browser.element("importForm:defaultLocation");
        assertLayout("import of opening stock");

        browser.open("admin/users.xhtml");
        assertLayout("users");
        browser.click("usersForm:users:0:reset");
        browser.waitUntil(() -> browser.element("resetDialog").isDisplayed());
        assertLayout("users, password reset");

        browser.open("admin/plugins.xhtml");
        browser.click(typeRow("damage") + ":configure");
        browser.waitUntil(() -> browser.element("configureDialog").isDisplayed());
        assertLayout("plugins, configure");
    }

    @Test
    void rejectedAdjustmentQuantityStays() {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "KEEP", location, "20", "1.00", null, null);
        signIn();
        browser.open("newAdjustment.xhtml?type=damage");

        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "-5");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.click("adjustment:post");
        assertEquals("-5", valueOf("adjustment:lines:0:quantity"), "the rejected quantity stays as typed");
        assertEquals("Enter the quantity to write off as a positive number.", messageNextTo("adjustment:lines:0:quantity"));

        browser.type("adjustment:lines:0:quantity", "1.5");
        browser.click("adjustment:post");
        assertEquals("1.5", valueOf("adjustment:lines:0:quantity"), "the rejected quantity stays as typed");
        assertEquals("Quantity 1.5 of " + sku + " has too many decimals: unit pcs allows 0 (whole units only).",
                messageNextTo("adjustment:lines:0:quantity"));
        assertEquals(Long.toString(lot), valueOf("adjustment:lines:0:lotId"), "the lot id stays");
        assertEquals(1, api.ledger(lot).size(), "the rejected posts wrote nothing");
    }

    @Test
    void unreadableQuantityKeepsOtherRowsChecked() {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "ROWS", location, "20", "1.00", null, null);
        signIn();
        browser.open("newAdjustment.xhtml?type=damage");
        browser.click("adjustment:addLine");

        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "abc");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.type("adjustment:lines:1:lotId", Long.toString(lot));
        browser.type("adjustment:lines:1:quantity", "-5");
        browser.pick("adjustment:lines:1:lf_reason", "BROKEN");
        browser.click("adjustment:post");

        assertEquals("abc", valueOf("adjustment:lines:0:quantity"), "the unreadable quantity stays as typed");
        assertEquals("Enter the quantity as a number, such as 5 or 2.5.", messageNextTo("adjustment:lines:0:quantity"));
        assertEquals("-5", valueOf("adjustment:lines:1:quantity"), "the rejected quantity stays as typed");
        assertEquals("Enter the quantity to write off as a positive number.",
                messageNextTo("adjustment:lines:1:quantity"), "the other row is checked in the same post");

        browser.type("adjustment:lines:0:quantity", "1,5");
        browser.type("adjustment:lines:1:quantity", "2");
        browser.click("adjustment:post");
        assertEquals("1,5", valueOf("adjustment:lines:0:quantity"), "the unreadable quantity stays as typed");
        assertEquals("Enter the quantity as a number, such as 5 or 2.5.", messageNextTo("adjustment:lines:0:quantity"));
        assertEquals("", messageNextTo("adjustment:lines:1:quantity"), "the valid row has no message");
        assertEquals(1, api.ledger(lot).size(), "nothing was posted while a row could not be read");
    }

    @Test
    void rejectedCountsStay() {
        String location = api.location();
        String sku = api.product("pcs");
        api.openLot(sku, "C1", location, "10", "1.00", null, null);
        api.openLot(sku, "C2", location, "5000", "1.00", null, null);
        api.openLot(sku, "C3", location, "7", "1.00", null, null);
        signIn();
        browser.open("stocktake.xhtml");
        browser.choose("openSheet:location", location);
        browser.click("openSheet:open");
        browser.waitForUrl("countSheet.xhtml");

        browser.type("sheet:lines:0:newCount", "-1");
        browser.type("sheet:lines:1:newCount", "4999.5");
        browser.type("sheet:lines:2:newCount", "abc");
        browser.click("sheet:save");
        assertEquals("-1", valueOf("sheet:lines:0:newCount"), "the rejected count stays as typed");
        assertEquals("A count is zero or more.", messageNextTo("sheet:lines:0:newCount"));
        assertEquals("4999.5", valueOf("sheet:lines:1:newCount"), "the rejected count stays as typed");
        assertEquals("Unit pcs allows 0 decimals.", messageNextTo("sheet:lines:1:newCount"));
        assertEquals("abc", valueOf("sheet:lines:2:newCount"), "the unreadable count stays as typed");
        assertEquals("Enter the count as a number, such as 12 or 2.5.", messageNextTo("sheet:lines:2:newCount"),
                "a count that is no number does not hide the problems of the other rows");
    }

    @Test
    void rejectedUserShowsEveryProblem() {
        signIn();
        browser.open("admin/users.xhtml");

        browser.type("createUser:userName", "new user!");
        browser.type("createUser:password", "short");
        browser.click("createUser:create");
        assertEquals("new user!", valueOf("createUser:userName"), "the rejected name stays as typed");
        assertEquals("A user name has 1 to 100 letters, digits, dots, hyphens or underscores.",
                messageNextTo("createUser:userName"));
        assertEquals("A password needs at least 12 characters.", messageNextTo("createUser:password"));
        assertFalse(browser.text("usersForm").contains("new user!"), "the rejected user was not created");
    }

    private void signIn() {
        browser.open("login.xhtml");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.waitForUrl("index.xhtml");
    }

    @SuppressWarnings("unchecked")
    private void assertLayout(String form) {
        List<String> misplaced = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(MISPLACED_ITEMS);
        if (!misplaced.isEmpty()) {
            String name = "layout-" + form.replace(", ", "-").replace(' ', '-');
            browser.screenshot(name);
            browser.savePageSource(name);
        }
        assertEquals(List.of(), misplaced, form);
    }

    private String valueOf(String inputId) {
        return browser.element(inputId).getDomProperty("value");
    }

    /**
     * Returns the text of the {@code p:message} that follows an input, or follows the element
     * that wraps it, in the same cell or block.
     */
    private String messageNextTo(String inputId) {
        String message = "following-sibling::*[contains(concat(' ', @class, ' '), ' ui-message ')][1]";
        return browser.element(inputId).findElement(By.xpath("./ancestor-or-self::*[" + message + "][1]/" + message))
                .getText().strip();
    }

    private String typeRow(String typeId) {
        List<org.openqa.selenium.WebElement> rows = browser.all(By.cssSelector("[id='plugins:types_data'] > tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (typeId.equals(rows.get(i).findElement(By.tagName("td")).getText().strip())) {
                return "plugins:types:" + i;
            }
        }
        throw new AssertionError("No row for type " + typeId);
    }
}
