package org.lotkeeper.web.it.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The assembly build and import screens in a real headless Chromium against the deployed
 * application. Each test sets up its own data through the API and checks the ledger and the
 * catalog through the API afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class StaffScreensIT {

    private static final Pattern LOT_ID = Pattern.compile("[?&]id=(\\d+)");

    private static final Pattern CSV_FIELD = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

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
    void buildSuggestsLotsAndPostsChosenLot() {
        String location = api.location();
        LocalDate today = api.today();
        String screw = api.product("pcs");
        long screwsExpired = api.openLot(screw, "S-OLD", location, "20", "0.50", null, today.minusDays(2));
        long screwsEarly = api.openLot(screw, "S-EARLY", location, "5", "1.00", null, today.plusDays(10));
        long screwsLate = api.openLot(screw, "S-LATE", location, "10", "2.00", null, today.plusDays(100));
        String plate = api.product("pcs");
        long plates = api.openLot(plate, "P1", location, "3", "4.00", null, null);
        String shelf = api.product("pcs");
        bomLine(shelf, screw, "4");
        bomLine(shelf, plate, "1");
        signIn();

        browser.open("build.xhtml");
        setValue("build:assembly_input", shelf);
        browser.type("build:quantity", "4");
        browser.click("build:showComponents");
        List<WebElement> rows = componentRows();
        assertEquals(2, rows.size(), "one row per component");
        assertEquals("16 pcs", cellText(rows.get(0), "needed"), "screws needed for 4 shelves");
        assertEquals("15 pcs", cellText(rows.get(0), "available"), "the expired lot's 20 screws are not available");
        assertTrue(rows.get(0).getAttribute("class").contains("component-short"), "screws are short");
        assertTrue(cellText(rows.get(0), "picks").contains("Short by 1 pcs"), cellText(rows.get(0), "picks"));
        assertTrue(rows.get(1).getAttribute("class").contains("component-short"), "plates are short");
        assertTrue(!browser.element("build:post").isEnabled(), "posting is disabled while stock is short");

        browser.type("build:quantity", "2");
        browser.click("build:showComponents");
        rows = componentRows();
        assertEquals("8 pcs", cellText(rows.get(0), "needed"));
        assertTrue(!rows.get(0).getAttribute("class").contains("component-short"), "enough screws for 2 shelves");
        List<WebElement> picks = rows.get(0).findElements(By.cssSelector("td.picks div.pick"));
        assertEquals(2, picks.size(), "first expiry first out splits across two lots");
        assertTrue(picks.get(0).getText().startsWith(screwsEarly + " S-EARLY"), picks.get(0).getText());
        assertTrue(picks.get(0).getText().endsWith(": 5"), picks.get(0).getText());
        assertTrue(picks.get(1).getText().startsWith(screwsLate + " S-LATE"), picks.get(1).getText());
        assertTrue(picks.get(1).getText().endsWith(": 3"), picks.get(1).getText());
        browser.screenshot("assembly-build");

        browser.pick("build:components:0:lot", screwsLate + " S-LATE");
        browser.savePageSource("assembly-build-lot-chosen");
        assertTrue(browser.text("build:components:0:lot_label").startsWith(screwsLate + " S-LATE"),
                "the menu shows the chosen lot: " + browser.text("build:components:0:lot_label"));
        picks = componentRows().get(0).findElements(By.cssSelector("td.picks div.pick"));
        assertEquals(1, picks.size(), "the chosen lot replaces the suggestion");
        assertTrue(picks.get(0).getText().startsWith(screwsLate + " S-LATE"), picks.get(0).getText());
        assertTrue(picks.get(0).getText().endsWith(": 8"), picks.get(0).getText());

        browser.type("build:outputLot", "SHELF-1");
        setValue("build:outputLocation_input", location);
        browser.type("build:extraCost", "1.50");
        browser.click("build:preview");
        List<WebElement> preview = browser.all(By.cssSelector("[id='build:previewTable_data'] > tr"));
        assertEquals(3, preview.size(), "two component lines and the output line");
        assertEquals("-8", cellText(preview.get(0), "quantity"));
        assertEquals("-16.00", cellText(preview.get(0), "value"));
        assertEquals("25.50", cellText(preview.get(2), "value"), "output value: 16.00 + 8.00 + 1.50");
        assertEquals(0, new BigDecimal("10").compareTo(api.quantity(screwsLate)), "a preview posts nothing");

        browser.click("build:post");
        browser.waitForUrl("lot.xhtml");
        long output = idInUrl();
        assertTrue(browser.text("messages").contains("Posted build document"), browser.text("messages"));
        assertEquals("2", browser.text("quantity"), "output quantity");
        assertEquals("25.50", browser.text("value"), "output value");
        List<WebElement> origin = browser.all(By.cssSelector("[id='origin_data'] > tr"));
        assertEquals(2, origin.size(), "the output lot lists its two component lots");
        assertEquals(Long.toString(screwsLate), cellText(origin.get(0), "origin-lot"));
        assertEquals("S-LATE", cellText(origin.get(0), "origin-code"));
        assertEquals("8", cellText(origin.get(0), "origin-quantity"));
        assertEquals(Long.toString(plates), cellText(origin.get(1), "origin-lot"));
        assertEquals("2", cellText(origin.get(1), "origin-quantity"));
        browser.screenshot("lot-origin");

        assertLot(screwsLate, "2", "4.00");
        assertLot(screwsEarly, "5", "5.00");
        assertLot(screwsExpired, "20", "10.00");
        assertLot(plates, "1", "4.00");
        assertLot(output, "2", "25.50");
        JsonArray lateLedger = api.ledger(screwsLate);
        assertEquals(2, lateLedger.size(), "opening and the build");
        assertEquals(0, new BigDecimal("-8").compareTo(lateLedger.getJsonObject(1).getJsonNumber("quantity").bigDecimalValue()));
        assertEquals(new BigDecimal("-16.00"), lateLedger.getJsonObject(1).getJsonNumber("value").bigDecimalValue());
        JsonArray outputLedger = api.ledger(output);
        assertEquals(1, outputLedger.size(), "the build's output entry");
        assertEquals(new BigDecimal("25.50"), outputLedger.getJsonObject(0).getJsonNumber("value").bigDecimalValue());
        assertEquals(screwsLate + ":8," + plates + ":2", api.lot(output).getString("origin"));
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    @Test
    void importChecksThenCommitsLocations() throws IOException {
        String first = "LOC-" + Api.shortId();
        String second = "LOC-" + Api.shortId();
        Path file = csv("locations", "code,name,parent\n" + first + ",Shelf one,\n" + second + ",Shelf two," + first + "\n");
        signIn();

        browser.open("import.xhtml");
        browser.choose("importForm:kind", "locations");
        upload(file);
        browser.click("importForm:check");
        assertEquals("dry-run", browser.text("reportMode"));
        assertEquals("checked", browser.text("outcome"));
        assertEquals("2", browser.text("rows"));
        assertEquals("2", browser.text("accepted"));
        assertEquals("0", browser.text("rejected"));
        assertTrue(!locationExists(first), "a check creates nothing");
        browser.screenshot("import");

        browser.click("importForm:commit");
        assertEquals("commit", browser.text("reportMode"));
        assertEquals("applied", browser.text("outcome"));
        assertTrue(locationExists(first), first + " imported");
        assertTrue(locationExists(second), second + " imported");
    }

    @Test
    void importCommitsValidRowsWhenChosen() throws IOException {
        String good = "P-" + Api.shortId();
        String bad = "P-" + Api.shortId();
        Path file = csv("products", "sku,name,description,category,unit,tracking,assembly,active\n"
                + good + ",Good product,,,pcs,lot,false,true\n"
                + bad + ",Bad product,,,pcs,batch,false,true\n");
        signIn();

        browser.open("import.xhtml");
        browser.choose("importForm:kind", "products");
        upload(file);
        browser.click("importForm:check");
        assertEquals("1", browser.text("rejected"));
        List<WebElement> issues = browser.all(By.cssSelector("[id='importForm:issues_data'] > tr"));
        assertEquals(1, issues.size(), "one problem");
        assertEquals("error", cellText(issues.get(0), "severity"));
        assertEquals("3", cellText(issues.get(0), "line"), "the header is line 1");
        assertEquals("tracking", cellText(issues.get(0), "column"));
        assertEquals("batch", cellText(issues.get(0), "value"));
        browser.screenshot("import-error");

        browser.click("importForm:commit");
        assertEquals("rejected", browser.text("outcome"), "all or nothing rejects the whole file");
        assertEquals(404, api.get("/api/v1/products/" + good).status(), "nothing was imported");

        browser.click("importForm:validRowsOnly");
        browser.click("importForm:commit");
        assertEquals("commit-valid", browser.text("reportMode"));
        assertEquals("applied", browser.text("outcome"));
        assertEquals(200, api.get("/api/v1/products/" + good).status(), "the valid row was imported");
        assertEquals(404, api.get("/api/v1/products/" + bad).status(), "the error row was left out");
        assertTrue(browser.text("rejectedCsv").contains(bad + ",Bad product"), browser.text("rejectedCsv"));
    }

    @Test
    void ledgerExportsAndChartsShowWriteOff() throws Exception {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "EXP", location, "10", "2.50", null, null);
        signIn();
        browser.open("index.xhtml");
        BigDecimal brokenBefore = writeOffThisMonth("BROKEN");
        Api.Response damage = api.damage(lot, "3", null);
        assertEquals(201, damage.status(), damage.body());

        browser.open("index.xhtml");
        assertEquals(0, brokenBefore.add(new BigDecimal("7.50")).compareTo(writeOffThisMonth("BROKEN")),
                "the dashboard chart adds the write-off's value to this month's BROKEN bar");
        browser.screenshot("dashboard");

        browser.open("lot.xhtml?id=" + lot);
        JsonObject balance = chartData("balanceChart");
        assertEquals(2, balance.getJsonArray("labels").size(), "one point per ledger entry");
        assertNumbers(List.of("10", "7"), balance.getJsonArray("sets").getJsonObject(0).getJsonArray("data"), "quantity after");
        assertNumbers(List.of("25.00", "17.50"), balance.getJsonArray("sets").getJsonObject(1).getJsonArray("data"), "value after");
        browser.screenshot("lot-detail");

        Download csv = download("historyForm", "historyForm:exportCsv");
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<List<String>> rows = csvRows(csv.text());
        assertEquals(3, rows.size(), "header and two entries: " + csv.text());
        List<String> header = rows.get(0);
        assertEquals(List.of("Effective", "Document", "Type", "Quantity", "Value", "Quantity after", "Value after",
                "Reason", "Note", "Posted by"), header);
        assertEquals(List.of("opening", "10", "25.00", "10", "25.00"), rows.get(1).subList(2, 7), "opening row");
        assertEquals(List.of("damage", "-3", "-7.50", "7", "17.50", "BROKEN"), rows.get(2).subList(2, 8), "write-off row");
        assertEquals(Long.toString(damage.json().getJsonNumber("id").longValue()), rows.get(2).get(1), "document id");

        Download excel = download("historyForm", "historyForm:exportXlsx");
        assertEquals(200, excel.status());
        assertTrue(excel.contentType().contains("spreadsheetml"), excel.contentType());
        assertEquals("PK", new String(excel.body(), 0, 2, StandardCharsets.ISO_8859_1), "an xlsx file is a zip archive");

        long emptied = api.openLot(sku, "EMPTY", location, "2", "1.00", null, null);
        assertEquals(201, api.damage(emptied, "2", null).status(), "write off the whole lot");
        browser.open("lots.xhtml");
        // A lot created after the page was shown: the export must read the lots again instead of
        // stopping at the row count the table computed for the page.
        long later = api.openLot(sku, "LATER", location, "4", "1.25", null, null);
        Download lots = download("lotsForm", "lotsForm:exportCsv");
        assertEquals(200, lots.status(), "lot list export");
        List<List<String>> lotRows = csvRows(lots.text());
        assertEquals(List.of("Product", "Lot code", "Location", "Expiry", "Quantity", "Value", "Unit"),
                lotRows.get(0).subList(1, 8), "lot list export header after the lot id");
        assertEquals(List.of(Long.toString(lot), sku, "EXP", location, "", "7", "17.50", "pcs"),
                exportedRow(lotRows, lot), "row of the written-down lot");
        assertEquals(List.of(Long.toString(later), sku, "LATER", location, "", "4", "5.00", "pcs"),
                exportedRow(lotRows, later), "row of the lot created after the page was shown");
        assertTrue(lotRows.stream().noneMatch(row -> row.get(0).equals(Long.toString(emptied))),
                "a lot without stock is not listed with stock only");
        assertEquals(lotsWithStock(), lotRows.size() - 1, "one row per lot with stock");
    }

    /** Returns how many lots have stock, read page by page through the API. */
    private int lotsWithStock() {
        int count = 0;
        int page;
        do {
            Api.Response response = api.get("/api/v1/lots?withStock=true&limit=1000&offset=" + count);
            assertEquals(200, response.status(), response.body());
            page = response.array().size();
            count += page;
        } while (page == 1000);
        return count;
    }

    /** Returns the exported row of a lot, failing when the export has none or several. */
    private static List<String> exportedRow(List<List<String>> rows, long lot) {
        List<List<String>> matches = rows.stream().filter(row -> row.get(0).equals(Long.toString(lot))).toList();
        assertEquals(1, matches.size(), "rows of lot " + lot + " among " + rows.size() + " rows");
        return matches.get(0);
    }

    /**
     * Saves pictures of the main screens for the README. They go to the folder named by
     * {@code -Dlotkeeper.docScreenshots} (the README's command passes {@code screenshots}, that
     * is {@code modules/web/screenshots}), else to {@code target/screenshots/docs}, so an
     * ordinary test run leaves the tracked pictures alone.
     */
    @Test
    void mainScreensScreenshots() throws IOException {
        Path folder = Path.of(System.getProperty("lotkeeper.docScreenshots", "target/screenshots/docs"));
        Files.createDirectories(folder);
        String location = api.location();
        LocalDate today = api.today();
        String bolt = api.product("pcs");
        api.openLot(bolt, "B-2411", location, "120", "0.40", null, today.plusDays(20));
        long bolts = api.openLot(bolt, "B-2502", location, "300", "0.38", null, today.plusDays(200));
        api.openLot(bolt, "B-2309", location, "15", "0.45", null, today.minusDays(5));
        String panel = api.product("pcs");
        api.openLot(panel, "PN-7", location, "40", "6.20", null, null);
        String cabinet = api.product("pcs");
        bomLine(cabinet, bolt, "8");
        bomLine(cabinet, panel, "4");
        assertEquals(201, api.damage(bolts, "12", null).status());
        signIn();

        browser.open("build.xhtml");
        setValue("build:assembly_input", cabinet);
        browser.type("build:quantity", "5");
        browser.type("build:outputLot", "CAB-001");
        setValue("build:outputLocation_input", location);
        browser.type("build:extraCost", "25.00");
        browser.click("build:showComponents");
        browser.click("build:preview");
        shoot(folder, "assembly-build");
        browser.click("build:post");
        browser.waitForUrl("lot.xhtml");
        shoot(folder, "lot-page");

        browser.open("index.xhtml");
        chartData("writeOffChart");
        shoot(folder, "dashboard");
        browser.open("lots.xhtml");
        shoot(folder, "lots");
        browser.open("newAdjustment.xhtml?type=damage");
        browser.type("adjustment:lines:0:lotId", Long.toString(bolts));
        browser.type("adjustment:lines:0:quantity", "4");
        browser.pick("adjustment:lines:0:lf_reason", "BROKEN");
        browser.click("adjustment:preview");
        shoot(folder, "new-adjustment");
        browser.open("stocktake.xhtml");
        shoot(folder, "stocktake");
        browser.open("import.xhtml");
        browser.choose("importForm:kind", "locations");
        upload(csv("locations", "code,name,parent\nSHELF-A,Shelf A,\nSHELF-B,Shelf B,NOWHERE\n"));
        browser.click("importForm:check");
        shoot(folder, "import");
        browser.open("admin/plugins.xhtml");
        shoot(folder, "admin-console");

        for (String name : List.of("dashboard", "lots", "lot-page", "new-adjustment", "assembly-build", "stocktake",
                "import", "admin-console")) {
            assertTrue(Files.size(folder.resolve(name + ".png")) > 10_000, name + ".png was written");
        }
    }

    private void shoot(Path folder, String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(folder.resolve(name + ".png"), png);
    }

    /** Returns the value the dashboard chart shows for a reason in the current month, zero when absent. */
    private BigDecimal writeOffThisMonth(String reason) {
        if (!browser.all(By.id("noWriteOffs")).isEmpty()) {
            return BigDecimal.ZERO;
        }
        JsonObject chart = chartData("writeOffChart");
        JsonArray labels = chart.getJsonArray("labels");
        int month = labels.size() - 1;
        for (JsonObject set : chart.getJsonArray("sets").getValuesAs(JsonObject.class)) {
            if (set.getString("label").equals(reason)) {
                return set.getJsonArray("data").getJsonNumber(month).bigDecimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    /** Returns the labels and data sets of a rendered Chart.js chart, read from the browser. */
    private JsonObject chartData(String widgetVar) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.waitUntil(() -> Boolean.TRUE.equals(js.executeScript(
                "return !!(PrimeFaces.widgets[arguments[0]] && PrimeFaces.widgets[arguments[0]].chart);", widgetVar)));
        String json = (String) js.executeScript("var c = PrimeFaces.widgets[arguments[0]].chart;"
                + " return JSON.stringify({labels: c.data.labels,"
                + " sets: c.data.datasets.map(function (d) { return {label: d.label, data: d.data}; })});", widgetVar);
        return Api.parse(json).asJsonObject();
    }

    private static void assertNumbers(List<String> expected, JsonArray actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, new BigDecimal(expected.get(i)).compareTo(actual.getJsonNumber(i).bigDecimalValue()),
                    what + " at " + i + ": " + actual);
        }
    }

    /**
     * A file the server sent for an export button.
     *
     * @param status      HTTP status
     * @param contentType the Content-Type header
     * @param body        the bytes
     */
    private record Download(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Presses an export button: posts every field of the form as the browser submits it (the
     * options, the column filters and the view state) with the browser's session, and returns the
     * file. Chromium's own download folder is not needed.
     */
    private Download download(String formId, String buttonId) throws IOException, InterruptedException {
        String form = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "var fields = new URLSearchParams();"
                        + " new FormData(document.getElementById(arguments[0])).forEach(function (value, name) {"
                        + " if (typeof value === 'string') { fields.append(name, value); } });"
                        + " fields.append(arguments[1], arguments[1]);"
                        + " return fields.toString();", formId, buttonId);
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.currentUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .header("Origin", api.base().toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Returns the rows of a CSV text with every field in double quotes, as PrimeFaces writes it. */
    private static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.strip().split("\\r?\\n")) {
            List<String> fields = new ArrayList<>();
            Matcher field = CSV_FIELD.matcher(line);
            while (field.find()) {
                fields.add(field.group(1).replace("\"\"", "\""));
            }
            rows.add(fields);
        }
        return rows;
    }

    private void signIn() {
        browser.open("login.xhtml");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.waitForUrl("index.xhtml");
    }

    /**
     * Sets an input's value without typing, so an auto-complete input opens no suggestion panel
     * that could cover the next button.
     */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.element(id), value);
    }

    private void upload(Path file) {
        browser.driver().findElement(By.cssSelector("[id='importForm'] input[type='file']"))
                .sendKeys(file.toAbsolutePath().toString());
    }

    private static Path csv(String name, String content) {
        try {
            Path file = Files.createTempFile(name + "-", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean locationExists(String code) {
        Api.Response response = api.get("/api/v1/locations");
        assertEquals(200, response.status(), response.body());
        return response.array().stream().map(JsonObject.class::cast).anyMatch(l -> code.equals(l.getString("code")));
    }

    private List<WebElement> componentRows() {
        return browser.all(By.cssSelector("[id='build:components_data'] > tr"));
    }

    @Test
    void disassemblyFromBuildScreen() {
        String location = api.location();
        String leg = api.product("pcs");
        api.openLot(leg, "L-1", location, "40", "1.00", null, null);
        String top = api.product("pcs");
        api.openLot(top, "T-1", location, "10", "6.00", null, null);
        String table = api.product("pcs");
        bomLine(table, leg, "4");
        bomLine(table, top, "1");
        long tables = api.openLot(table, "TB-1", location, "3", "10.00", null, null);
        signIn();

        browser.open("build.xhtml");
        browser.click("build:disassemble");
        browser.waitForUrl("type=assembly-disassembly");
        browser.type("adjustment:df_componentLot", "SALVAGE-1");
        browser.type("adjustment:lines:0:lotId", Long.toString(tables));
        browser.type("adjustment:lines:0:quantity", "2");
        browser.click("adjustment:post");
        browser.waitForUrl("adjustment.xhtml");

        long document = idInUrl();
        assertEquals("POSTED", browser.text("status"));
        assertLot(tables, "1", "10.00");
        JsonArray entries = api.get("/api/v1/adjustments/" + document).json().getJsonArray("entries");
        assertEquals(3, entries.size(), "the tables and two components: " + entries);
        long legs = entries.getJsonObject(1).getJsonNumber("lotId").longValue();
        long tops = entries.getJsonObject(2).getJsonNumber("lotId").longValue();
        // 20.00 shared by cost: 8 legs at 1.00 weigh 8, 2 tops at 6.00 weigh 12.
        assertLot(legs, "8", "8.00");
        assertLot(tops, "2", "12.00");
        assertEquals("SALVAGE-1", api.lot(legs).getString("code"), "lot code of the returned legs");
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    @Test
    void userChangesOwnPassword() {
        String name = "account-" + Api.shortId().toLowerCase();
        String first = "first-password-" + Api.shortId();
        String second = "second-password-" + Api.shortId();
        Api.Response created = api.post("/api/v1/users", Json.createObjectBuilder().add("userName", name)
                .add("password", first).add("role", "viewer").build().toString());
        assertEquals(201, created.status(), created.body());
        browser.open("login.xhtml");
        browser.signIn(name, first);
        browser.waitForUrl("index.xhtml");

        browser.click("menuForm:account");
        browser.waitForUrl("account.xhtml");
        assertEquals(name, browser.text("accountName"));
        changePassword("wrong-password-123", second, second);
        browser.waitForText("account", "The current password is wrong.");
        changePassword(first, second, second + "x");
        browser.waitForText("account", "The two new passwords differ; type the same one twice.");
        changePassword(first, "short", "short");
        browser.waitForText("account", "A password needs at least 12 characters.");
        assertEquals(200, Api.user(url, name, first).get("/api/v1/lots?limit=1").status(),
                "three rejected changes keep the first password");

        changePassword(first, second, second);
        browser.waitForText("account", "Your password is changed.");
        assertEquals(200, Api.user(url, name, second).get("/api/v1/lots?limit=1").status(), "the new password works");
        assertEquals(401, Api.user(url, name, first).get("/api/v1/lots?limit=1").status(), "the old one no longer does");
        JsonObject rejected = api.get("/api/v1/audit?user=" + name + "&action=user.password&limit=5").array()
                .getValuesAs(JsonObject.class).stream()
                .filter(event -> event.getString("outcome").equals("rejected")).findFirst().orElseThrow();
        assertEquals("wrong current password", rejected.getString("detail"), rejected.toString());
    }

    private void changePassword(String current, String next, String repeated) {
        browser.type("account:currentPassword", current);
        browser.type("account:newPassword", next);
        browser.type("account:repeatedPassword", repeated);
        browser.click("account:change");
    }

    private static String cellText(WebElement row, String cssClass) {
        return row.findElement(By.cssSelector("td." + cssClass)).getText().strip();
    }

    private void bomLine(String assembly, String component, String quantityPerUnit) {
        Api.Response response = api.post("/api/v1/products/" + assembly + "/bom", Json.createObjectBuilder()
                .add("component", component).add("quantityPerUnit", quantityPerUnit).build().toString());
        assertEquals(200, response.status(), response.body());
    }

    private void assertLot(long lot, String quantity, String value) {
        assertEquals(0, new BigDecimal(quantity).compareTo(api.quantity(lot)), "quantity of lot " + lot);
        assertEquals(new BigDecimal(value), api.value(lot), "value of lot " + lot);
    }

    private long idInUrl() {
        Matcher matcher = LOT_ID.matcher(browser.currentUrl());
        assertTrue(matcher.find(), "no id in " + browser.currentUrl());
        return Long.parseLong(matcher.group(1));
    }
}
