package org.lotkeeper.web.it.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.lotkeeper.web.it.ExampleJar;
import org.lotkeeper.web.it.PluginJars;
import org.lotkeeper.web.it.misbehaving.DuplicateIdType;
import org.lotkeeper.web.it.misbehaving.FutureSpiType;
import org.lotkeeper.web.it.uploads.UploadTestType;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real headless Chromium: the plugins page enables, disables and configures
 * a type, installs and uninstalls plugin jars, the users page creates and manages users, and the
 * audit page lists the changes. Every effect is checked through the REST API. The example
 * third-party type ({@link ExampleJar}) is installed through the API and through the console,
 * used through the API and the generic new-adjustment screen, disabled and uninstalled; uploads
 * that are no usable plugin are refused, install nothing and are audited. A staff user is refused
 * every admin page and changes nothing.
 *
 * <p>The damage type's settings are shared by every test on the server, so the test that changes
 * them restores them before it ends. The plugins folder ({@code target/it-plugins}) and the
 * database outlive a run, so the plugin tests first remove what an aborted run may have left.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    private static final String DAMAGE = "/api/v1/adjustment-types/damage";

    private static final String ADMINS_ONLY = "This page is for admins only.";

    private static final String THEFT = "/api/v1/adjustment-types/theft";

    /** The plugins folder of the test server, set for failsafe in the web module's pom. */
    private static final Path PLUGIN_FOLDER = Path.of(System.getenv().getOrDefault("LOTKEEPER_PLUGINS_DIR",
            "target/it-plugins"));

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
            browser.waitForDialog("configureDialog");
            assertTrue(browser.text("configureForm").contains("own codes: BROKEN, SPOILED, CONTAMINATED, WATER, OTHER."),
                    "the dialog lists the codes the type uses while none are configured: " + browser.text("configureForm"));
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
    void uploadedTypeIsUsedThroughApiAndScreenThenDisabledAndUninstalled() {
        byte[] jar = PluginJars.read(ExampleJar.theft());
        removeLeftover(ExampleJar.FILE_NAME);
        long auditBefore = latestAuditId();
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "THEFT", location, "10", "3.00", null, null);

        Api.Response installed = api.uploadPlugin(ExampleJar.FILE_NAME, jar);
        assertEquals(201, installed.status(), installed.body());
        assertEquals(PluginJars.sha256(jar), installed.json().getString("sha256"));
        assertEquals(jar.length, installed.json().getJsonNumber("size").intValue());
        assertTrue(installed.json().getString("message").startsWith("Installed " + ExampleJar.FILE_NAME),
                installed.body());
        // The database outlives test runs, and an earlier run disabled the type before uninstalling it.
        assertEquals(200, api.put(THEFT + "/settings", "{\"enabled\":true}").status(), "the type is there at once");

        Api.Response viaApi = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"PR-API\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":2}]}");
        assertEquals(201, viaApi.status(), viaApi.body());
        long apiDocument = viaApi.json().getJsonNumber("id").longValue();

        signInAs("admin", Api.ADMIN_PASSWORD, "newAdjustment.xhtml");
        browser.click(browser.all(By.linkText("Theft write-off")).get(0).getAttribute("id"));
        browser.waitForUrl("type=theft");
        browser.screenshot("new-adjustment-theft");
        browser.type("adjustment:df_report", "PR-SCREEN");
        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "3");
        browser.click("adjustment:post");
        browser.waitForUrl("adjustment.xhtml");
        assertEquals("theft", browser.text("type"), "the posted document's type");
        long screenDocument = Long.parseLong(browser.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        JsonObject posted = api.get("/api/v1/adjustments/" + screenDocument).json();
        assertEquals("theft", posted.getString("type"), posted.toString());
        assertEquals("PR-SCREEN", posted.getJsonObject("fields").getString("report"), posted.toString());
        assertEquals(0, new BigDecimal("5").compareTo(api.quantity(lot)), "10 less 2 through the API and 3 on screen");

        browser.open("admin/plugins.xhtml");
        String row = "plugins:types:" + rowIndex("plugins:types", "theft");
        assertEquals(ExampleJar.FILE_NAME, browser.text(row + ":fileName"), "the jar's file name");
        assertTrue(browser.text(row + ":size").startsWith(String.format(java.util.Locale.ENGLISH, "%,d bytes", jar.length)),
                browser.text(row + ":size"));
        assertEquals("SHA-256 " + PluginJars.sha256(jar), browser.text(row + ":checksum"));
        assertEquals("(uploaded)", browser.text(row + ":origin"));
        String damageRow = "plugins:types:" + rowIndex("plugins:types", "damage");
        assertEquals("(built in)", browser.text(damageRow + ":origin"));
        assertTrue(browser.all(By.id(damageRow + ":uninstall")).isEmpty(), "a built-in type has no uninstall button");
        browser.screenshot("admin-plugins-uploaded");

        browser.clickConfirmed(row + ":disable", "plugins:confirmYes");
        browser.waitForText(row + ":status", "disabled");
        Api.Response refused = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"PR-OFF\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(422, refused.status(), "a theft posting while disabled: " + refused.body());

        browser.clickConfirmed(row + ":uninstall", "plugins:confirmYes");
        browser.waitForText("plugins:messages", "Uninstalled " + ExampleJar.FILE_NAME);
        browser.screenshot("admin-plugins-uninstalled");
        assertEquals(404, api.get(THEFT).status(), "the type is gone at once");
        assertFalse(columnTexts("plugins:types", "type-id").contains("theft"), "the row is gone");
        assertFalse(Files.exists(cachedCopy(jar)), "the server's copy of the jar is deleted");

        assertEquals("POSTED", api.get("/api/v1/adjustments/" + apiDocument).json().getString("status"),
                "a document of the uninstalled type stays readable through the API");
        browser.open("adjustment.xhtml?id=" + screenDocument);
        assertEquals("theft", browser.text("type"), "and on its screen");
        assertEquals("POSTED", browser.text("status"));
        browser.open("newAdjustment.xhtml?type=theft");
        assertTrue(browser.text("topMessages").contains("does not exist or is disabled"), browser.text("topMessages"));

        List<JsonObject> events = auditSince(auditBefore);
        JsonObject install = event(events, "plugin.install", "success");
        assertEquals(ExampleJar.FILE_NAME, install.getString("target"));
        assertTrue(install.getString("detail").contains("sha256=" + PluginJars.sha256(jar)), install.toString());
        assertEquals("admin", install.getString("userName"));
        assertFalse(install.getString("remoteAddress").isEmpty(), "the install records where it came from");
        JsonObject uninstall = event(events, "plugin.uninstall", "success");
        assertTrue(uninstall.getString("detail").contains("sha256=" + PluginJars.sha256(jar)), uninstall.toString());
        assertFalse(uninstall.getString("remoteAddress").isEmpty());
    }

    @Test
    void consoleInstallsUploadedJarAndRefusesOtherFiles() throws IOException {
        byte[] jar = PluginJars.read(ExampleJar.theft());
        removeLeftover(ExampleJar.FILE_NAME);
        String pluginsBefore = api.get("/api/v1/plugins").body();
        Path upload = Files.createTempDirectory("lotkeeper-upload-");
        Path notes = Files.writeString(upload.resolve("notes.jar"), "Shopping list, not a plugin.\n");
        Path theft = Files.write(upload.resolve(ExampleJar.FILE_NAME), jar);
        signInAs("admin", Api.ADMIN_PASSWORD, "admin/plugins.xhtml");

        browser.chooseFile("upload", notes);
        browser.submit("upload:install");
        browser.waitForText("plugins:messages", "notes.jar is not a usable jar");
        assertTrue(browser.text("plugins:messages").contains("zip signature"), browser.text("plugins:messages"));
        assertEquals(pluginsBefore, api.get("/api/v1/plugins").body(), "nothing was installed");
        browser.screenshot("admin-plugins-refused");

        browser.chooseFile("upload", theft);
        browser.submit("upload:install");
        browser.waitForText("plugins:messages", "Installed " + ExampleJar.FILE_NAME);
        assertTrue(browser.text("plugins:messages").contains(PluginJars.sha256(jar)), browser.text("plugins:messages"));
        String row = "plugins:types:" + rowIndex("plugins:types", "theft");
        assertEquals("SHA-256 " + PluginJars.sha256(jar), browser.text(row + ":checksum"));
        assertEquals(200, api.get(THEFT).status(), "the type installed in the console is there for the API");
        assertTrue(Files.isRegularFile(cachedCopy(jar)), "the server loads a copy in its plugin cache");
        browser.screenshot("admin-plugins-installed");

        browser.chooseFile("upload", theft);
        browser.submit("upload:install");
        browser.waitForText("plugins:messages", "already installed");

        browser.clickConfirmed(row + ":uninstall", "plugins:confirmYes");
        browser.waitForText("plugins:messages", "Uninstalled " + ExampleJar.FILE_NAME);
        assertEquals(404, api.get(THEFT).status());
        assertEquals(pluginsBefore, api.get("/api/v1/plugins").body(), "back to the plugins before the test");
    }

    @Test
    void uploadsThatAreNoUsablePluginInstallNothingAndAreAudited() {
        removeLeftover("upload-test.jar");
        long auditBefore = latestAuditId();
        String pluginsBefore = api.get("/api/v1/plugins").body();
        Set<String> filesBefore = pluginFiles();
        byte[] uploadTest = PluginJars.of(UploadTestType.class);

        List<Refusal> refusals = List.of(
                new Refusal("notes.jar", "Shopping list, not a plugin.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        400, "notes.jar is not a usable jar: it does not start with the zip signature"),
                new Refusal("future-spi.jar", PluginJars.of(FutureSpiType.class),
                        422, "type test-future-spi is built for SPI version 99, but this server supports SPI version 1"),
                new Refusal("next-spi.jar", PluginJars.withManifestSpiVersion("2", UploadTestType.class),
                        422, "its manifest states SPI version 2"),
                new Refusal("impostor.jar", PluginJars.of(DuplicateIdType.class),
                        409, "its type id 'damage' is already used by the built-in type"),
                new Refusal("huge.jar", new byte[(int) (10L * 1024 * 1024 + 1)],
                        413, "huge.jar is too large"),
                new Refusal("notes.txt", uploadTest, 400, "The file name 'notes.txt' is not usable"));
        for (Refusal refusal : refusals) {
            Api.Response response = api.uploadPlugin(refusal.fileName(), refusal.content());
            assertEquals(refusal.status(), response.status(), refusal.fileName() + ": " + response.body());
            assertTrue(response.json().getString("detail").contains(refusal.reason()),
                    refusal.fileName() + ": " + response.body());
            assertEquals("application/problem+json", response.header("Content-Type"), refusal.fileName());
        }

        Api.Response text = api.send(api.request("/api/v1/plugins?fileName=upload-test.jar")
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(uploadTest)));
        assertEquals(415, text.status(), text.body());
        Api staff = api.newUser("staff");
        assertEquals(403, staff.uploadPlugin("upload-test.jar", uploadTest).status(), "a staff user may not install");
        assertEquals(401, Api.anonymous(url).uploadPlugin("upload-test.jar", uploadTest).status());

        assertEquals(pluginsBefore, api.get("/api/v1/plugins").body(), "no refused upload installed anything");
        assertEquals(filesBefore, pluginFiles(), "no refused upload left a file in the plugins folder");

        // The same jar twice, and another jar with the same type id.
        assertEquals(201, api.uploadPlugin("upload-test.jar", uploadTest).status());
        Api.Response twice = api.uploadPlugin("upload-test-copy.jar", uploadTest);
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.body().contains("the same jar (SHA-256 " + PluginJars.sha256(uploadTest)
                + ") is already installed as upload-test.jar"), twice.body());
        Api.Response sameId = api.uploadPlugin("upload-test-2.jar",
                PluginJars.withManifestSpiVersion("1", UploadTestType.class));
        assertEquals(409, sameId.status(), sameId.body());
        assertTrue(sameId.body().contains("its type id 'test-upload' is already used by the installed plugin"
                + " upload-test.jar"), sameId.body());
        assertEquals(409, api.delete("/api/v1/plugins/" + builtInJar("damage")).status(),
                "a built-in type cannot be uninstalled");
        assertEquals(404, api.delete("/api/v1/plugins/no-such.jar").status());
        assertEquals(200, api.delete("/api/v1/plugins/upload-test.jar").status());
        assertEquals(pluginsBefore, api.get("/api/v1/plugins").body());
        assertEquals(filesBefore, pluginFiles());

        List<JsonObject> events = auditSince(auditBefore);
        for (Refusal refusal : refusals) {
            JsonObject rejected = events.stream().filter(e -> e.getString("action").equals("plugin.install")
                    && e.getString("target").equals(refusal.fileName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no audit event for " + refusal.fileName() + ": " + events));
            assertEquals("rejected", rejected.getString("outcome"), rejected.toString());
            assertTrue(rejected.getString("detail").contains(refusal.reason()), rejected.toString());
            assertFalse(rejected.getString("remoteAddress").isEmpty(), rejected.toString());
        }
        JsonObject same = events.stream().filter(e -> e.getString("target").equals("upload-test-copy.jar")).findFirst()
                .orElseThrow();
        assertTrue(same.getString("detail").contains("sha256=" + PluginJars.sha256(uploadTest)), same.toString());
        assertTrue(events.stream().anyMatch(e -> e.getString("action").equals("plugin.install")
                && e.getString("outcome").equals("denied") && e.getString("userName").equals(staff.userName())),
                "the staff user's attempt is audited: " + events);
        assertTrue(events.stream().anyMatch(e -> e.getString("action").equals("plugin.install")
                && e.getString("detail").contains("content type text/plain")), "the wrong content type is audited");
        assertTrue(events.stream().anyMatch(e -> e.getString("action").equals("plugin.uninstall")
                && e.getString("outcome").equals("rejected") && e.getString("target").startsWith("lotkeeper-type-damage")),
                "the refused uninstall of a built-in type is audited");
    }

    /** An upload that must be refused with {@code status} and a detail containing {@code reason}. */
    private record Refusal(String fileName, byte[] content, int status, String reason) {
    }

    /** Uninstalls a plugin an aborted earlier run left installed. */
    private void removeLeftover(String fileName) {
        if (api.get("/api/v1/plugins/" + fileName).status() == 200) {
            assertEquals(200, api.delete("/api/v1/plugins/" + fileName).status(), "removing the leftover " + fileName);
        }
    }

    private String builtInJar(String typeId) {
        return api.get("/api/v1/plugins").array().getValuesAs(JsonObject.class).stream()
                .filter(plugin -> plugin.getJsonArray("types").getValuesAs(JsonObject.class).stream()
                        .anyMatch(type -> type.getString("id").equals(typeId)))
                .map(plugin -> plugin.getString("fileName")).findFirst().orElseThrow();
    }

    /** Returns where the server keeps its copy of an installed jar: by checksum in the plugins folder's cache. */
    private static Path cachedCopy(byte[] jar) {
        return PLUGIN_FOLDER.resolve("cache").resolve(PluginJars.sha256(jar)).resolve(ExampleJar.FILE_NAME);
    }

    private static Set<String> pluginFiles() {
        if (!Files.isDirectory(PLUGIN_FOLDER)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(PLUGIN_FOLDER)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long latestAuditId() {
        JsonArray latest = api.get("/api/v1/audit?limit=1").array();
        return latest.isEmpty() ? 0 : latest.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private List<JsonObject> auditSince(long id) {
        return api.get("/api/v1/audit?limit=1000").array().getValuesAs(JsonObject.class).stream()
                .filter(event -> event.getJsonNumber("id").longValue() > id).toList();
    }

    private static JsonObject event(List<JsonObject> events, String action, String outcome) {
        return events.stream().filter(e -> e.getString("action").equals(action) && e.getString("outcome").equals(outcome))
                .findFirst().orElseThrow(() -> new AssertionError("no " + outcome + " " + action + " in " + events));
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
        browser.waitForDialog("resetDialog");
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
    void staffIsRefusedEveryAdminPage() {
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
            assertTrue(browser.currentUrl().endsWith("/admin/" + page + ".xhtml"), "the address stays: " + browser.currentUrl());
            assertTrue(browser.driver().getTitle().startsWith("Not allowed"), page + ": " + browser.driver().getTitle());
            assertTrue(browser.text("adminsOnly").startsWith(ADMINS_ONLY), page + ": " + browser.text("adminsOnly"));
            assertTrue(browser.all(By.cssSelector("form[id='plugins'], form[id='createUser'], form[id='usersForm'],"
                    + " form[id='audit'], form[id='configureForm'], form[id='resetForm'], form[id='webhooks'], form[id='upload']")).isEmpty(),
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
