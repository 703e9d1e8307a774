package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotkeeper.web.it.LotChecks.assertCreated;
import static org.lotkeeper.web.it.LotChecks.assertEntry;
import static org.lotkeeper.web.it.LotChecks.assertEntryCount;
import static org.lotkeeper.web.it.LotChecks.assertLedgerConsistent;
import static org.lotkeeper.web.it.LotChecks.assertLot;
import static org.lotkeeper.web.it.LotChecks.assertNumber;
import static org.lotkeeper.web.it.LotChecks.assertRejected;
import static org.lotkeeper.web.it.LotChecks.documentId;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.LocalDate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stocktakes through the API. The tests cover frozen snapshots and lots that move while they are
 * counted, one open count sheet per lot, blank counts that are not zero, and counts that add up.
 * They also cover stocktakes dated in the past, lots without variance or without a cost, and
 * count sheets with invalid rows.
 *
 * <p>Count sheets ({@code /api/v1/stocktakes}) freeze snapshots when they open and post one
 * stocktake document. The other cases post stocktake documents directly, where each line names a
 * lot and gives its count in the {@code counted} field.
 */
@ExtendWith(ArquillianExtension.class)
class StocktakeCasesIT {

    private static final String ADJUSTMENTS = "/api/v1/adjustments";
    private static final String STOCKTAKES = "/api/v1/stocktakes";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        api.allowBackdating("opening", 60);
        api.allowBackdating("damage", 60);
        api.allowBackdating("stocktake", 60);
        location = api.location();
        sku = api.product("pcs");
    }

    @AfterEach
    void ledgerStaysConsistent() {
        assertLedgerConsistent(api);
    }

    // A lot moves while it is being counted.

    @Test
    void countSheetRejectsLotMovedSinceSnapshot() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = openSheet(a);
        count(sheet, a, "7");
        long writeOff = documentId(assertCreated(api.damage(a, "2", null)));

        Api.Response rejected = api.post(STOCKTAKES + "/" + sheet + "/post", "{}");

        assertRejected(rejected, 409, "Lot A of " + sku + " moved since its snapshot (snapshot 10, now 8, by damage"
                + " document " + writeOff + ")");
        assertLot(api, a, "8", "8.00");
        assertEntryCount(api, a, 2);
        JsonObject reread = api.get(STOCKTAKES + "/" + sheet).json();
        assertEquals("OPEN", reread.getString("status"), "the sheet stays open: " + reread);
        assertNumber("10", line(reread).getJsonNumber("snapshot").bigDecimalValue(), "frozen snapshot");
    }

    @Test
    void movedLotCountedBeforeMovementUsesSnapshot() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = openSheet(a);
        count(sheet, a, "7");
        assertCreated(api.damage(a, "2", null));

        assertCreated(api.post(STOCKTAKES + "/" + sheet + "/post", resolution(a, "before")));

        assertLot(api, a, "5", "5.00");
        assertEntry(assertEntryCount(api, a, 3).getJsonObject(2), "-3", "-3.00");
    }

    @Test
    void movedLotCountedAfterMovementUsesCurrentQuantity() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = openSheet(a);
        count(sheet, a, "7");
        assertCreated(api.damage(a, "2", null));

        assertCreated(api.post(STOCKTAKES + "/" + sheet + "/post", resolution(a, "after")));

        assertLot(api, a, "7", "7.00");
        assertEntry(assertEntryCount(api, a, 3).getJsonObject(2), "-1", "-1.00");
    }

    @Test
    void recountTakesNewSnapshot() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = openSheet(a);
        count(sheet, a, "7");
        assertCreated(api.damage(a, "2", null));

        Api.Response recounted = api.post(STOCKTAKES + "/" + sheet + "/recount", "{\"lotId\":" + a + "}");
        assertEquals(200, recounted.status(), recounted.body());
        assertNumber("8", line(recounted.json()).getJsonNumber("snapshot").bigDecimalValue(), "new snapshot");
        assertTrue(line(recounted.json()).isNull("counted"), "a recount clears the counts: " + recounted.body());
        count(sheet, a, "7");

        assertCreated(api.post(STOCKTAKES + "/" + sheet + "/post", "{}"));
        assertLot(api, a, "7", "7.00");
        assertEntry(assertEntryCount(api, a, 3).getJsonObject(2), "-1", "-1.00");
    }

    // A lot is on at most one open count sheet.

    @Test
    void secondOpenSheetOnLotIsRejected() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long b = api.openLot(sku, "B", location, "5", "1.00", null, null);
        long first = openSheet(a);

        Api.Response second = api.post(STOCKTAKES, "{\"lots\":[" + b + "," + a + "]}");

        assertRejected(second, 409, "Lot " + a + " is already on open count sheet " + first);
        long forB = openSheet(b);
        assertEquals(200, api.post(STOCKTAKES + "/" + first + "/cancel", "").status(), "cancel the first sheet");
        assertEquals(200, api.post(STOCKTAKES + "/" + forB + "/cancel", "").status(), "cancel the sheet of B");
        openSheet(a);
    }

    // Not counted is not zero.

    @Test
    void uncountedLotIsNotZero() {
        long a = api.openLot(sku, "A", location, "3", "4.00", null, null);
        long b = api.openLot(sku, "B", location, "5", "4.00", null, null);

        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(a, null)
                .line(b, null, "counted", "4").posted()));

        assertLot(api, a, "3", "12.00");
        assertEntryCount(api, a, 1);
        assertLot(api, b, "4", "16.00");
        assertEntry(assertEntryCount(api, b, 2).getJsonObject(1), "-1", "-4.00");

        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake").line(a, null, "counted", "0").posted()));

        assertLot(api, a, "0", "0.00");
        assertEntry(assertEntryCount(api, a, 2).getJsonObject(1), "-3", "-12.00");
    }

    // Several counts of one lot add up.

    @Test
    void countsOfOneLotAddUp() {
        long a = api.openLot(sku, "A", location, "10", "1.50", null, null);

        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(a, null, "counted", "6", "note", "top shelf")
                .line(a, null, "counted", "3", "note", "bottom shelf").posted()));

        assertLot(api, a, "9", "13.50");
        JsonObject entry = assertEntryCount(api, a, 2).getJsonObject(1);
        assertEntry(entry, "-1", "-1.50");
        assertEquals("9", entry.getJsonObject("attributes").getString("counted"), "counted total: " + entry);
    }

    // A stocktake in the past uses the quantity of its date.

    @Test
    void pastStocktakeUsesQuantityOfItsDate() {
        LocalDate today = api.today();
        long a = api.openLot(sku, "A", location, "100", "1.00", day(today, 1), null);
        assertCreated(api.damage(a, "30", day(today, 5)));

        JsonObject stocktake = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake").on(day(today, 3))
                .line(a, null, "counted", "95").posted()));

        assertEquals(day(today, 3).toString(), stocktake.getString("effectiveDate"));
        assertLot(api, a, "65", "65.00");
        JsonArray entries = assertEntryCount(api, a, 3);
        JsonObject variance = entries.getJsonObject(1);
        assertEquals("stocktake", variance.getString("type"), "the day-3 entry comes second: " + entries);
        assertEntry(variance, "-5", "-5.00");
        assertEquals("100", variance.getJsonObject("attributes").getString("snapshot"), "snapshot: " + variance);
        assertEquals("95", variance.getJsonObject("attributes").getString("counted"), "counted: " + variance);
    }

    // No-change lines and missing costs.

    @Test
    void countPostsOnlyLotsThatDiffer() {
        long a = api.openLot(sku, "A", location, "5", "2.00", null, null);
        long b = api.openLot(sku, "B", location, "8", "3.00", null, null);

        JsonObject stocktake = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(a, null, "counted", "5")
                .line(b, null, "counted", "6").posted()));

        assertEquals(1, stocktake.getJsonArray("entries").size(), "entries of the stocktake: " + stocktake);
        assertLot(api, a, "5", "10.00");
        assertEntryCount(api, a, 1);
        assertLot(api, b, "6", "18.00");
        assertEntry(assertEntryCount(api, b, 2).getJsonObject(1), "-2", "-6.00");
    }

    @Test
    @Disabled("reason: no API puts stock into a lot without recording a unit cost. The opening-stock import"
            + " gives a row without a cost the policy reject, zero or product-average, and has no policy that keeps"
            + " the lot without a recorded cost")
    void countAddingToLotWithoutCostNeedsUnitCost() {
        Api.Response imported = api.send(api.request("/api/v1/imports/opening-stock?mode=commit&costPolicy=none")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("sku,lot,serial,location,quantity,unit_cost,currency,status\n"
                        + sku + ",Z,," + location + ",4,,USD,ok\n")));
        assertEquals(200, imported.status(), imported.body());
        long z = api.get("/api/v1/lots?product=" + sku + "&code=Z").array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertTrue(api.lot(z).isNull("unitCost"), "Z has no recorded cost: " + api.lot(z));

        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake").line(z, null, "counted", "4").posted()));
        assertEntryCount(api, z, 1);

        Api.Response withoutCost = api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(z, null, "counted", "5").posted());
        assertRejected(withoutCost, 422, "Lot Z", "no recorded cost", "extra unit");
        assertEntryCount(api, z, 1);

        JsonObject withCost = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(Json.createObjectBuilder().add("lotId", z).add("unitCost", "2.50"), "counted", "5").posted()));
        assertEntry(withCost.getJsonArray("entries").getJsonObject(0), "1", "2.50");
        assertLot(api, z, "5", "2.50");
    }

    // A count sheet with an invalid row changes nothing.

    @Test
    void countSheetWithInvalidCountPostsNothing() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long b = api.openLot(sku, "B", location, "6", "1.00", null, null);
        long c = api.openLot(sku, "C", location, "4", "1.00", null, null);

        Api.Response rejected = api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .line(a, null, "counted", "8")
                .line(b, null, "counted", "abc")
                .line(c, null, "counted", "0").posted());

        assertRejected(rejected, 422, "lines[1].fields.counted", "abc");
        assertEquals(1, rejected.json().getJsonArray("problems").size(), "only row 2 is invalid: " + rejected.body());
        for (long lot : new long[] {a, b, c}) {
            assertEntryCount(api, lot, 1);
        }
        assertLot(api, a, "10", "10.00");

        for (int round = 0; round < 2; round++) {
            assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                    .line(a, null, "counted", "8")
                    .line(b, null, "counted", "6")
                    .line(c, null, "counted", "0").posted()));
            assertLot(api, a, "8", "8.00");
            assertLot(api, b, "6", "6.00");
            assertLot(api, c, "0", "0.00");
            assertEntryCount(api, a, 2);
            assertEntryCount(api, b, 1);
            assertEntryCount(api, c, 2);
        }
    }

    @Test
    void stocktakeImportWithBadRowChangesNothing() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long b = api.openLot(sku, "B", location, "6", "1.00", null, null);
        long c = api.openLot(sku, "C", location, "4", "1.00", null, null);
        String header = "sku,lot,location,counted\n";
        String p = sku + ",";

        Api.Response rejected = importStocktake(header + p + "A," + location + ",8\n" + p + "B," + location + ",abc\n"
                + p + "C," + location + ",0\n");

        assertEquals(422, rejected.status(), rejected.body());
        // Import reports count the header as line 1, so the second row, B, is line 3.
        JsonArray errors = rejected.json().getJsonArray("errors");
        assertEquals(1, errors.size(), "only row 2 is bad: " + rejected.body());
        assertEquals(3, errors.getJsonObject(0).getInt("line"), "line of row 2: " + rejected.body());
        assertTrue(errors.getJsonObject(0).toString().contains("abc"), "the bad value: " + rejected.body());
        assertLot(api, a, "10", "10.00");
        assertLot(api, b, "6", "6.00");
        assertLot(api, c, "4", "4.00");

        String corrected = header + p + "A," + location + ",8\n" + p + "B," + location + ",6\n" + p + "C," + location
                + ",0\n";
        for (int round = 0; round < 2; round++) {
            Api.Response imported = importStocktake(corrected);
            assertEquals(200, imported.status(), imported.body());
            assertLot(api, a, "8", "8.00");
            assertLot(api, b, "6", "6.00");
            assertLot(api, c, "0", "0.00");
            assertEntryCount(api, a, 2);
            assertEntryCount(api, b, 1);
            assertEntryCount(api, c, 2);
        }
    }

    /** Opens a count sheet for the given lots, which freezes their snapshots, and returns its id. */
    private long openSheet(long... lotIds) {
        JsonArrayBuilder lots = Json.createArrayBuilder();
        for (long lotId : lotIds) {
            lots.add(lotId);
        }
        Api.Response response = api.post(STOCKTAKES, Json.createObjectBuilder().add("lots", lots).build().toString());
        assertEquals(201, response.status(), response.body());
        return response.json().getJsonNumber("id").longValue();
    }

    private void count(long sheet, long lotId, String quantity) {
        Api.Response response = api.post(STOCKTAKES + "/" + sheet + "/counts",
                "{\"lotId\":" + lotId + ",\"quantity\":\"" + quantity + "\"}");
        assertEquals(200, response.status(), response.body());
    }

    private static String resolution(long lotId, String countedWhen) {
        return "{\"resolutions\":{\"" + lotId + "\":\"" + countedWhen + "\"}}";
    }

    private static JsonObject line(JsonObject sheet) {
        return sheet.getJsonArray("lines").getJsonObject(0);
    }

    private Api.Response importStocktake(String csv) {
        return api.send(api.request("/api/v1/imports/stocktake?mode=commit")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** Returns the date of day {@code n} of a case, where day 1 is twelve days before today. */
    static LocalDate day(LocalDate today, int n) {
        return today.minusDays(12).plusDays(n - 1L);
    }
}
