package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV imports through the API on a real server and database. Covers the all-or-nothing commit,
 * exact line numbers in a dry run, rejected rows returned as CSV, merged duplicate rows and a
 * repeated file that posts nothing, and imports the InvenTree demo data end to end.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

    private static final String STOCK_HEADER = "sku,lot,serial,location,quantity,unit_cost,currency,status\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        location = api.location();
    }

    @Test
    void commitWithOneBadRowChangesNothing() {
        String a = api.product("pcs");
        String b = api.product("pcs");
        String c = api.product("pcs");
        long lotA = api.openLot(a, "L1", location, "10", "1.00", null, null);
        long lotB = api.openLot(b, "L1", location, "6", "1.00", null, null);
        long lotC = api.openLot(c, "L1", location, "4", "1.00", null, null);
        long newestDocument = newestDocumentId();
        String csv = STOCK_HEADER
                + a + ",L1,," + location + ",8,1.00,USD,ok\n"
                + b + ",L1,," + location + ",abc,1.00,USD,ok\n"
                + c + ",L1,," + location + ",0,1.00,USD,ok\n";

        Api.Response response = importCsv("opening-stock", "mode=commit", csv);

        assertEquals(422, response.status(), response.body());
        JsonObject report = response.json();
        assertEquals("rejected", report.getString("outcome"));
        assertEquals(List.of("3:quantity", "4:quantity"), issues(report, "errors"));
        assertEquals(1, report.getInt("accepted"));
        assertEquals(2, report.getInt("rejected"));
        assertTrue(report.getJsonArray("documents").isEmpty(), "no documents: " + report);
        assertEquals(0, new BigDecimal("10").compareTo(api.quantity(lotA)), "lot A unchanged");
        assertEquals(0, new BigDecimal("6").compareTo(api.quantity(lotB)), "lot B unchanged");
        assertEquals(0, new BigDecimal("4").compareTo(api.quantity(lotC)), "lot C unchanged");
        assertEquals(1, api.ledger(lotA).size(), "lot A has only its opening entry");
        assertEquals(newestDocument, newestDocumentId(), "no document was created");
    }

    @Test
    void dryRunReportsLinesAndColumns() {
        String prefix = "DR-" + Api.shortId() + "-";
        String csv = "sku,name,description,category,unit,tracking,assembly,active\r\n"
                + prefix + "1,Cable,\"two\r\nlines, quoted\",Parts,m,lot,no,yes\r\n"
                + prefix + "2,,no name,Parts,pcs,lot,no,yes\r\n"
                + prefix + "3,Bolt,,Parts,furlongs,lot,no,yes\r\n"
                + prefix + "4,Nut,,Parts,pcs,batch,maybe,yes\r\n"
                + prefix + "5,Washer,,Parts,pcs\r\n";

        Api.Response response = importCsv("products", "mode=dry-run", csv);

        assertEquals(200, response.status(), response.body());
        JsonObject report = response.json();
        assertEquals("checked", report.getString("outcome"));
        assertEquals(5, report.getInt("rows"));
        assertEquals(1, report.getInt("accepted"));
        assertEquals(4, report.getInt("rejected"));
        assertEquals(List.of("4:name", "5:unit", "6:tracking", "6:assembly", "7:null"), issues(report, "errors"),
                "line 2 spans two lines, so the next record starts on line 4");
        assertEquals("furlongs", report.getJsonArray("errors").getJsonObject(1).getString("value"));
        assertEquals(404, api.get("/api/v1/products/" + prefix + "1").status(), "a dry run creates nothing");
    }

    @Test
    void commitValidReturnsRejectedRows() {
        String prefix = "CV-" + Api.shortId() + "-";
        String badRow = prefix + "bad,\"Bad, really\"," + prefix + "missing";
        String csv = "code,name,parent\n"
                + prefix + "child,Child," + prefix + "parent\n"
                + badRow + "\n"
                + prefix + "parent,Parent,\n";

        Api.Response response = importCsv("locations", "mode=commit-valid", csv);

        assertEquals(200, response.status(), response.body());
        JsonObject report = response.json();
        assertEquals("applied", report.getString("outcome"));
        assertEquals(2, report.getInt("accepted"));
        assertEquals(1, report.getInt("rejected"));
        assertEquals(List.of("3:parent"), issues(report, "errors"));
        assertEquals("code,name,parent\r\n" + badRow + "\r\n", report.getString("rejectedCsv"));
        Map<String, String> parents = new LinkedHashMap<>();
        for (JsonValue item : api.get("/api/v1/locations").array()) {
            JsonObject location = item.asJsonObject();
            parents.put(location.getString("code"), location.isNull("parent") ? null : location.getString("parent"));
        }
        assertEquals(prefix + "parent", parents.get(prefix + "child"), "a parent after its child in the file");
        assertTrue(parents.containsKey(prefix + "parent"));
        assertFalse(parents.containsKey(prefix + "bad"));
    }

    @Test
    void duplicateRowsMergeWithWarning() {
        String sku = api.product("pcs");
        String csv = STOCK_HEADER
                + sku + ",B1,," + location + ",4,1.00,USD,ok\n"
                + sku + ",B1,," + location + ",6,2.00,USD,damaged\n"
                + sku + ",,," + location + ",3,1.50,USD,ok\n";

        Api.Response response = importCsv("opening-stock", "mode=commit", csv);

        assertEquals(200, response.status(), response.body());
        JsonObject report = response.json();
        assertEquals(3, report.getInt("accepted"));
        assertEquals(1, report.getJsonArray("documents").size());
        JsonArray warnings = report.getJsonArray("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.asJsonObject().getInt("line") == 2
                && w.asJsonObject().getString("message").contains("Lines 2, 3")), warnings.toString());
        Map<String, JsonObject> lots = new TreeMap<>();
        api.get("/api/v1/lots?product=" + sku).array()
                .forEach(item -> lots.put(item.asJsonObject().getString("code"), item.asJsonObject()));
        assertEquals(Set.of("ALL", "B1"), lots.keySet());
        assertEquals(0, BigDecimal.TEN.compareTo(lots.get("B1").getJsonNumber("quantity").bigDecimalValue()));
        assertEquals(new BigDecimal("16.00"), lots.get("B1").getJsonNumber("value").bigDecimalValue(), "4 x 1 + 6 x 2");
        assertEquals(0, new BigDecimal("1.6").compareTo(lots.get("B1").getJsonNumber("unitCost").bigDecimalValue()));
        assertEquals("damaged", lots.get("B1").getString("condition"), "the first status that is not ok");
        assertEquals(0, new BigDecimal("3").compareTo(lots.get("ALL").getJsonNumber("quantity").bigDecimalValue()));

        Api.Response again = importCsv("opening-stock", "mode=commit", csv);

        assertEquals(200, again.status(), again.body());
        assertEquals("already-imported", again.json().getString("outcome"));
        assertEquals(report.getJsonArray("documents"), again.json().getJsonArray("documents"));
        assertEquals(0, new BigDecimal("13").compareTo(stockOf(sku)), "the repeated file posted nothing");
    }

    @Test
    void malformedCsvAndWrongTypesAreRejected() {
        Api.Response unclosed = importCsv("locations", "mode=dry-run", "code,name,parent\nA,\"open,\n");
        assertEquals(400, unclosed.status(), unclosed.body());
        assertTrue(unclosed.body().contains("line 2"), unclosed.body());

        Api.Response badHeader = importCsv("locations", "mode=dry-run", "code,title\nA,B\n");
        assertEquals(400, badHeader.status(), badHeader.body());

        Api.Response json = api.send(api.request("/api/v1/imports/locations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, json.status(), json.body());

        Api.Response unknownKind = importCsv("stocktakes", "mode=dry-run", "a\n1\n");
        assertEquals(404, unknownKind.status(), unknownKind.body());

        Api.Response missingDefault = importCsv("opening-stock", "mode=dry-run&defaultLocation=NO-SUCH-" + Api.shortId(),
                STOCK_HEADER);
        assertEquals(400, missingDefault.status(), missingDefault.body());
    }

    @Test
    void oversizedFileIsRejected() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Api.Response response = api.send(api.request("/api/v1/imports/locations?mode=dry-run")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertEquals(413, response.status(), response.body());
        assertTrue(response.body().contains("20 MiB"), response.body());
    }

    @Test
    void demoDataImportsAndStockMatches() throws IOException {
        Path directory = demoDirectory();
        Assumptions.assumeTrue(Files.isRegularFile(directory.resolve("opening-stock.csv")), "The demo data is not at "
                + directory.toAbsolutePath() + "; set the system property lotkeeper.demoData to its directory.");
        // The demo codes are fixed, but the database is shared by every run on it: the first run
        // imports the files as they are, later runs give every code a fresh prefix.
        boolean firstRun = api.get("/api/v1/products/PART-0028").status() == 404;
        String prefix = firstRun ? "" : "R" + Api.shortId() + "-";
        if (!firstRun) {
            Api.Response original = importCsv("products", "mode=dry-run",
                    Files.readString(directory.resolve("products.csv")));
            assertEquals(200, original.status(), original.body());
            assertEquals(List.of(), issues(original.json(), "errors"), "existing identical products are skipped");
            assertEquals(414, original.json().getJsonArray("warnings").size(), "one warning per skipped product");
        }

        commit("locations", read(directory, "locations.csv", prefix, 0, 2));
        commit("products", read(directory, "products.csv", prefix, 0));
        commit("boms", read(directory, "boms.csv", prefix, 0, 1));
        String stock = read(directory, "opening-stock.csv", prefix, 0, 3);

        Api.Response dryRun = importCsv("opening-stock", "mode=dry-run", stock);
        assertEquals(200, dryRun.status(), dryRun.body());
        assertEquals(1043, dryRun.json().getInt("rows"));
        assertTrue(dryRun.json().getJsonArray("documents").isEmpty());
        assertEquals(0, BigDecimal.ZERO.compareTo(stockOf(prefix + "PART-0028")), "a dry run posts nothing");

        Api.Response response = importCsv("opening-stock", "mode=commit-valid&defaultLocation=" + prefix
                + "LOC-01&costPolicy=product-average", stock);
        assertEquals(200, response.status(), response.body());
        JsonObject report = response.json();
        writeSummary(report);
        assertEquals("applied", report.getString("outcome"));
        assertFalse(report.getJsonArray("documents").isEmpty(), report.toString());
        Set<Integer> rejectedLines = new HashSet<>();
        report.getJsonArray("errors").forEach(error -> rejectedLines.add(error.asJsonObject().getInt("line")));
        assertEquals(report.getInt("rejected"), rejectedLines.size());
        assertEquals(rejectedLines.size() + 1, report.getString("rejectedCsv").split("\r\n").length,
                "the header and one line per rejected row");

        Map<String, BigDecimal> expected = expectedStock(stock, rejectedLines);
        String[] products = read(directory, "products.csv", prefix, 0).split("\n");
        for (int i = 1; i < products.length; i++) {
            String sku = products[i].substring(0, products[i].indexOf(','));
            BigDecimal want = expected.getOrDefault(sku, BigDecimal.ZERO);
            assertEquals(0, want.compareTo(stockOf(sku)), "stock of " + sku);
        }
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    private void commit(String kind, String csv) {
        Api.Response response = importCsv(kind, "mode=commit", csv);
        assertEquals(200, response.status(), kind + ": " + response.body());
        assertEquals(List.of(), issues(response.json(), "errors"), kind);
    }

    private Api.Response importCsv(String kind, String query, String csv) {
        return api.send(api.request("/api/v1/imports/" + kind + "?" + query).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private long newestDocumentId() {
        JsonArray documents = api.get("/api/v1/adjustments?limit=1").array();
        return documents.isEmpty() ? 0 : documents.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private BigDecimal stockOf(String sku) {
        JsonArray rows = api.get("/api/v1/stock?groupBy=product&product=" + sku).array();
        return rows.isEmpty() ? BigDecimal.ZERO : rows.getJsonObject(0).getJsonNumber("quantity").bigDecimalValue();
    }

    /** Returns the issues of one list as {@code line:column}. */
    private static List<String> issues(JsonObject report, String list) {
        List<String> found = new ArrayList<>();
        for (JsonValue item : report.getJsonArray(list)) {
            JsonObject issue = item.asJsonObject();
            found.add((issue.isNull("line") ? "null" : issue.getInt("line")) + ":"
                    + (issue.isNull("column") ? "null" : issue.getString("column")));
        }
        return found;
    }

    /** Returns the per-sku sum of the quantities on lines that were not rejected. */
    private static Map<String, BigDecimal> expectedStock(String csv, Set<Integer> rejectedLines) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!rejectedLines.contains(i + 1)) {
                String[] fields = lines[i].split(",", -1);
                sums.merge(fields[0], new BigDecimal(fields[4]), BigDecimal::add);
            }
        }
        return sums;
    }

    private static Path demoDirectory() {
        String configured = System.getProperty("lotkeeper.demoData");
        return configured != null ? Path.of(configured) : Path.of("../..", "../shared/data/inventree-demo");
    }

    /**
     * Reads a demo file and puts {@code prefix} before the codes in the given columns, which must
     * be among the first four. The demo files quote no field there and have no line breaks inside
     * fields, so splitting at the first commas is exact.
     */
    private static String read(Path directory, String file, String prefix, int... codeColumns) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", 5);
            for (int column : codeColumns) {
                if (!prefix.isEmpty() && column < fields.length && !fields[column].isEmpty()) {
                    fields[column] = prefix + fields[column];
                }
            }
            text.append(String.join(",", fields)).append('\n');
        }
        return text.toString();
    }

    private static void writeSummary(JsonObject report) throws IOException {
        Map<String, Integer> messages = new TreeMap<>();
        report.getJsonArray("errors").forEach(error -> messages.merge(error.asJsonObject().getString("column", "row")
                + ": " + error.asJsonObject().getString("message").replaceAll("[0-9.]+", "#"), 1, Integer::sum));
        Map<String, Integer> warnings = new TreeMap<>();
        report.getJsonArray("warnings").forEach(warning -> warnings.merge(warning.asJsonObject().getString("message")
                .replaceAll("PART-[0-9]+|LOC-[0-9]+|[0-9.]+", "#"), 1, Integer::sum));
        String summary = "rows=" + report.getInt("rows") + " accepted=" + report.getInt("accepted") + " rejected="
                + report.getInt("rejected") + " warnings=" + report.getJsonArray("warnings").size() + " documents="
                + report.getJsonArray("documents") + "\nerrors:\n" + messages + "\nwarnings:\n" + warnings + "\n";
        Files.writeString(Path.of("target", "import-demo-summary.txt"), summary);
    }
}
