package org.lotkeeper.web.it.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.interactions.Actions;

/**
 * The staff screens in a real headless Chromium against the deployed application. The tests
 * cover sign-in, a damage write-off from the new-adjustment form with its preview, posting and
 * reversal, and messages next to the input that caused them. They also cover a count sheet, the
 * expiry list and the lot list, and that lot codes, notes and typed values with HTML markup show
 * as text and never run. Each test sets up its own data through the API and checks the ledger
 * through the API as well.
 */
@ExtendWith(ArquillianExtension.class)
class ScreensIT {

    private static final Logger LOG = Logger.getLogger(ScreensIT.class.getName());

    private static final Pattern DOCUMENT_ID = Pattern.compile("[?&]id=(\\d+)");

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
    void screensRequireSignIn() {
        browser.open("lots.xhtml");
        assertTrue(browser.currentUrl().contains("login.xhtml"), "an anonymous visitor is sent to the login page: "
                + browser.currentUrl());
        browser.screenshot("login");

        browser.signIn("admin", "wrong-password-123");
        assertTrue(browser.text("login:messages").contains("Sign-in failed"), browser.text("login:messages"));
        JsonObject failed = api.get("/api/v1/audit?action=sign-in&limit=1").array().getJsonObject(0);
        assertEquals("admin", failed.getString("userName"), "the failed sign-in is audited: " + failed);
        assertEquals("rejected", failed.getString("outcome"), failed.toString());
        assertFalse(failed.getString("remoteAddress").isEmpty(), "with the address it came from");

        // A browser fetches files such as the icon on its own while the login page shows. The
        // sign-in must still return to the page the user requested.
        browser.open("favicon.ico");
        assertTrue(browser.currentUrl().contains("login.xhtml"), "signed out, the icon is behind the login too");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        // The sign-in posts the whole page; wait for the redirect instead of reading the old URL.
        browser.waitForUrl("/lots.xhtml");
        assertTrue(browser.currentUrl().endsWith("/lots.xhtml"), "after sign-in the requested page opens: "
                + browser.currentUrl());

        browser.submit("menuForm:signOut");
        browser.waitForUrl("login.xhtml");
        assertEquals("You are signed out.", browser.text("signedOut"));
        browser.open("lots.xhtml");
        assertTrue(browser.currentUrl().contains("login.xhtml"), "signed out, the lot list needs sign-in again");
    }

    @Test
    void apiKeepsBasicAuthentication() {
        Api.Response anonymous = Api.anonymous(url).get("/api/v1/lots");
        assertEquals(401, anonymous.status(), "an API call without credentials is rejected, not redirected");
        assertTrue(String.valueOf(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=\"Lotkeeper\""),
                "challenge: " + anonymous.header("WWW-Authenticate"));
        assertTrue(String.valueOf(anonymous.header("Content-Type")).startsWith("application/problem+json"),
                "an API client gets a problem, not the error screen: " + anonymous.header("Content-Type"));
        assertEquals("http-401", anonymous.json().getString("code"), anonymous.body());

        Api.Response wrongPassword = Api.user(url, "admin", "wrong-password-123").get("/api/v1/lots");
        assertEquals(401, wrongPassword.status(), "a wrong password is rejected");
        assertTrue(wrongPassword.body().contains("HTTP Basic"), wrongPassword.body());

        Api.Response login = Api.anonymous(url).get("/login.xhtml");
        assertEquals(200, login.status());
        assertEquals("no-store", login.header("Cache-Control"), "the login page must not be cached");

        Api.Response page = Api.anonymous(url).send(Api.anonymous(url).request("/lots.xhtml").GET());
        assertEquals(302, page.status(), "an anonymous screen request is redirected");
        assertTrue(String.valueOf(page.header("Location")).endsWith("/login.xhtml"), page.header("Location"));
    }

    @Test
    void damageWriteOffPostsOnceAndReverses() {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "DMG", location, "10", "2.50", null, null);
        signIn();

        browser.open("newAdjustment.xhtml?type=damage");
        browser.screenshot("new-adjustment");
        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "3");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.type("adjustment:lines:0:lf_note", "Dropped <b>pallet</b>");
        browser.click("adjustment:preview");
        assertEquals("7", cell("adjustment:previewTable", "quantity-after"), "preview: quantity after the write-off");
        assertEquals("17.50", cell("adjustment:previewTable", "value-after"), "preview: value after the write-off");
        assertEquals(0, new BigDecimal("10").compareTo(api.quantity(lot)), "a preview posts nothing");
        browser.screenshot("new-adjustment-preview");

        // Two quick clicks: the button is disabled while the first request runs, and the form's
        // submission key would return the first document for a second post anyway.
        new Actions(browser.driver()).doubleClick(browser.element("adjustment:post")).perform();
        browser.waitForUrl("adjustment.xhtml");
        long document = idInUrl();
        assertTrue(browser.text("document:messages").contains("Posted document " + document + "."),
                browser.text("document:messages"));
        assertEquals("POSTED", browser.text("status"));
        assertEquals("-3", cell("document:entries", "entry-quantity"));
        assertEquals("-7.50", cell("document:entries", "entry-value"));
        browser.screenshot("adjustment-detail");

        assertEquals(0, new BigDecimal("7").compareTo(api.quantity(lot)), "quantity after the write-off");
        assertEquals(new BigDecimal("17.50"), api.value(lot), "value after the write-off");
        JsonArray ledger = api.ledger(lot);
        assertEquals(2, ledger.size(), "the opening and exactly one write-off: " + ledger);
        JsonObject writeOff = ledger.getJsonObject(1);
        assertEquals(document, writeOff.getJsonNumber("documentId").longValue(), "entry's document");
        assertEquals(0, new BigDecimal("-3").compareTo(writeOff.getJsonNumber("quantity").bigDecimalValue()), "entry quantity");
        assertEquals(new BigDecimal("-7.50"), writeOff.getJsonNumber("value").bigDecimalValue(), "entry value");
        assertEquals("BROKEN", writeOff.getString("reasonCode"), "entry reason");
        assertEquals("Dropped <b>pallet</b>", writeOff.getString("note"), "the note is stored as typed");

        browser.open("lot.xhtml?id=" + lot);
        assertEquals("7", browser.text("quantity"), "lot page quantity");
        assertEquals("17.50", browser.text("value"), "lot page value");
        assertTrue(browser.driver().getPageSource().contains("Dropped &lt;b&gt;pallet&lt;/b&gt;"),
                "the note is shown as text, not as markup");
        assertEquals(2, browser.all(By.cssSelector("[id='historyForm:history_data'] > tr")).size(), "ledger rows on the lot page");
        browser.screenshot("lot-detail");

        browser.open("adjustment.xhtml?id=" + document);
        browser.clickConfirmed("document:reverse", "document:confirmYes");
        browser.waitForText("document:messages", "Reversed document " + document);
        long reversal = idInUrl();
        assertTrue(reversal != document, "the reversal is a new document");
        assertEquals("3", cell("document:entries", "entry-quantity"));
        assertEquals("7.50", cell("document:entries", "entry-value"));

        assertEquals(0, new BigDecimal("10").compareTo(api.quantity(lot)), "quantity after the reversal");
        assertEquals(new BigDecimal("25.00"), api.value(lot), "value after the reversal");
        JsonArray reversed = api.ledger(lot);
        assertEquals(3, reversed.size(), "opening, write-off and its reversal");
        assertEquals(reversal, reversed.getJsonObject(2).getJsonNumber("documentId").longValue());
        assertEquals(new BigDecimal("7.50"), reversed.getJsonObject(2).getJsonNumber("value").bigDecimalValue());
        assertEquals("REVERSED", api.get("/api/v1/adjustments/" + document).json().getString("status"));
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    @Test
    void rejectionShowsMessageAtItsInput() {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "BAD", location, "5", "1.00", null, null);
        signIn();

        browser.open("newAdjustment.xhtml?type=damage");
        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "-1");
        browser.click("adjustment:post");

        assertTrue(cellOf("adjustment:lines:0:quantity").contains("Enter the quantity to write off as a positive number."),
                "quantity cell: " + cellOf("adjustment:lines:0:quantity"));
        assertTrue(cellOf("adjustment:lines:0:lf_reason").contains("A reason code is required"),
                "reason cell: " + cellOf("adjustment:lines:0:lf_reason"));
        assertTrue(browser.element("adjustment:lines:0:quantity").getAttribute("class").contains("ui-state-error"),
                "the quantity input is marked invalid");
        assertTrue(browser.currentUrl().contains("newAdjustment.xhtml"), "a rejected form stays open");
        browser.screenshot("new-adjustment-rejected");

        browser.type("adjustment:lines:0:quantity", "6");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.click("adjustment:post");
        assertEquals("Not enough stock in lot BAD of " + sku + " at " + location + ": requested 6, available 5.",
                cellOf("adjustment:lines:0:quantity").strip(), "the shortage names the line, so it sits at its quantity");
        assertEquals("6", browser.element("adjustment:lines:0:quantity").getDomProperty("value"),
                "the rejected quantity stays as typed");
        assertEquals(1, api.ledger(lot).size(), "rejected posts wrote nothing");
    }

    @Test
    void countSheetPostsVariance() {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "CNT", location, "10", "1.00", null, null);
        signIn();

        browser.open("stocktake.xhtml");
        browser.choose("openSheet:location", location);
        browser.click("openSheet:open");
        browser.waitForUrl("countSheet.xhtml");
        long sheet = idInUrl();
        assertEquals("OPEN", browser.text("status"));

        browser.type("sheet:lines:0:newCount", "8");
        browser.click("sheet:save");
        assertEquals("8", cell("sheet:lines", "counted"), "counted so far");
        browser.screenshot("count-sheet");

        browser.clickConfirmed("sheet:post", "sheet:confirmYes");
        browser.waitForText("document:messages", "Posted count sheet " + sheet);
        long document = idInUrl();
        assertEquals("stocktake", browser.text("type"));
        assertEquals("-2", cell("document:entries", "entry-quantity"));

        assertEquals(0, new BigDecimal("8").compareTo(api.quantity(lot)), "quantity after the count");
        assertEquals(new BigDecimal("8.00"), api.value(lot), "value after the count");
        JsonObject variance = api.ledger(lot).getJsonObject(1);
        assertEquals(document, variance.getJsonNumber("documentId").longValue());
        assertEquals(0, new BigDecimal("-2").compareTo(variance.getJsonNumber("quantity").bigDecimalValue()));
        assertEquals(new BigDecimal("-2.00"), variance.getJsonNumber("value").bigDecimalValue());
    }

    @Test
    void expiryListMarksExpiredLots() {
        String location = api.location();
        String sku = api.product("pcs");
        LocalDate today = api.today();
        api.openLot(sku, "OLD", location, "4", "1.00", null, today.minusDays(3));
        api.openLot(sku, "SOON", location, "4", "1.00", null, today.plusDays(5));
        api.openLot(sku, "LATER", location, "4", "1.00", null, today.plusDays(90));
        signIn();

        browser.open("expiry.xhtml");
        browser.type("expiryForm:lots:product:filter", sku);
        By rowsOfTable = By.cssSelector("[id='expiryForm:lots_data'] > tr");
        browser.waitUntil(() -> browser.all(rowsOfTable).stream().allMatch(row -> row.getText().contains(sku)));
        List<WebElement> rows = browser.all(rowsOfTable);
        assertEquals(2, rows.size(), "the expired lot and the one expiring within 30 days");
        assertTrue(rows.get(0).getText().contains("OLD"), "soonest first: " + rows.get(0).getText());
        assertTrue(rows.get(0).getText().contains("Expired"), rows.get(0).getText());
        assertTrue(rows.get(0).getAttribute("class").contains("lot-expired"), rows.get(0).getAttribute("class"));
        assertTrue(rows.get(1).getText().contains("5 days left"), rows.get(1).getText());
        assertTrue(rows.get(1).getAttribute("class").contains("lot-expiring"), rows.get(1).getAttribute("class"));
        browser.screenshot("expiry");

        browser.open("index.xhtml");
        assertTrue(Long.parseLong(browser.text("expiredLots")) >= 1, "dashboard expired count");
        browser.screenshot("dashboard");
    }

    @Test
    void lotListFiltersByProduct() {
        String location = api.location();
        String sku = api.product("kg");
        api.openLot(sku, "K1", location, "1.5", "4.00", null, null);
        api.openLot(sku, "K2", location, "2.25", "4.00", null, null);
        signIn();

        long start = System.nanoTime();
        browser.open("lots.xhtml");
        LOG.info(() -> "Lot list loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        browser.type("lotsForm:lots:product:filter", sku);
        By rowsOfTable = By.cssSelector("[id='lotsForm:lots_data'] > tr");
        browser.waitUntil(() -> browser.all(rowsOfTable).stream().allMatch(row -> row.getText().contains(sku)));
        List<WebElement> rows = browser.all(rowsOfTable);
        assertEquals(2, rows.size(), "the product's two lots");
        assertTrue(rows.get(1).getText().contains("2.25 kg"), rows.get(1).getText());
        browser.screenshot("lots");

        browser.open("adjustments.xhtml");
        browser.screenshot("adjustments");
    }

    @Test
    void markupInLotCodesAndNotesShowsAsText() {
        // Single quotes, because Api.openLot writes the code into JSON as it is; a browser would
        // serialize an img element it created from this with double quotes.
        String markup = "<script>window.injected=1</script><img src=x onerror='window.injected=2'>";
        String code = "LOT" + markup;
        String note = "Note " + markup;
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, code, location, "5", "1.00", null, null);
        Api.Response damage = api.post("/api/v1/adjustments", jakarta.json.Json.createObjectBuilder()
                .add("type", "damage").add("post", true)
                .add("lines", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("lotId", lot).add("quantity", 1)
                        .add("fields", jakarta.json.Json.createObjectBuilder().add("reason", "BROKEN").add("note", note))))
                .build().toString());
        assertEquals(201, damage.status(), damage.body());
        long document = damage.json().getJsonNumber("id").longValue();
        signIn();

        browser.open("lots.xhtml");
        browser.type("lotsForm:lots:product:filter", sku);
        By rowsOfTable = By.cssSelector("[id='lotsForm:lots_data'] > tr");
        browser.waitUntil(() -> browser.all(rowsOfTable).size() == 1 && browser.all(rowsOfTable).get(0).getText().contains(sku));
        assertTrue(browser.all(rowsOfTable).get(0).getText().contains(code), "the lot code shows as typed: "
                + browser.all(rowsOfTable).get(0).getText());
        assertMarkupInert("lots");

        browser.open("lot.xhtml?id=" + lot);
        assertEquals(code, browser.text("code"), "the lot page shows the code as typed");
        assertMarkupInert("lot");

        browser.open("adjustment.xhtml?id=" + document);
        String entries = browser.text("document:entries");
        assertTrue(entries.contains(code), "the entry's lot shows the code as text: " + entries);
        assertTrue(entries.contains(note), "the note shows as text: " + entries);
        assertMarkupInert("adjustment");
        browser.screenshot("markup-as-text");

        browser.open("newAdjustment.xhtml?type=damage");
        browser.type("adjustment:lines:0:lotId", Long.toString(lot));
        browser.type("adjustment:lines:0:quantity", "<script>window.injected=3</script>");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.click("adjustment:preview");
        assertTrue(cellOf("adjustment:lines:0:quantity").contains("Enter the quantity as a number"),
                "the markup quantity is rejected: " + cellOf("adjustment:lines:0:quantity"));
        assertEquals("<script>window.injected=3</script>",
                browser.element("adjustment:lines:0:quantity").getDomProperty("value"),
                "the rejected markup stays in its input, as text");
        assertMarkupInert("new adjustment");
    }

    /** Checks that no injected script ran and that the page holds the markup only as escaped text. */
    private void assertMarkupInert(String page) {
        Object injected = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return typeof window.injected");
        assertEquals("undefined", injected, page + ": no injected script ran");
        String source = browser.driver().getPageSource();
        assertFalse(source.contains("<script>window.injected"), page + ": no script element from data");
        assertFalse(source.contains("onerror=\"window.injected"), page + ": no event handler from data");
    }

    private void signIn() {
        browser.open("login.xhtml");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.waitForUrl("index.xhtml");
    }

    private long idInUrl() {
        Matcher matcher = DOCUMENT_ID.matcher(browser.currentUrl());
        assertTrue(matcher.find(), "no id in " + browser.currentUrl());
        return Long.parseLong(matcher.group(1));
    }

    /** Returns the text of the first row's cell with the given CSS class in a data table. */
    private String cell(String tableId, String cssClass) {
        return browser.element(tableId).findElement(By.cssSelector("tbody td." + cssClass)).getText().strip();
    }

    /** Returns the text of the table cell that contains an input. */
    private String cellOf(String inputId) {
        return browser.element(inputId).findElement(By.xpath("./ancestor::td[1]")).getText();
    }

}
