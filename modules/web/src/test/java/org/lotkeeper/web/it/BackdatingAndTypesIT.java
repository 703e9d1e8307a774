package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
 * Backdating, reversal, expiry, automatic lot choice, serial numbers, assembly builds and samples
 * through the API, plus approval and disabled types.
 *
 * <p>Tests that change a type's settings restore them before they end, because the settings are
 * shared by every test on the server.
 */
@ExtendWith(ArquillianExtension.class)
class BackdatingAndTypesIT {

    private static final String ADJUSTMENTS = "/api/v1/adjustments";

    /** Backdating window of every type here: long enough for documents dated in 2025. */
    private static final int BACKDATING_DAYS = 3660;

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
        for (String type : List.of("opening", "damage", "expiry", "picking-correction", "sample", "assembly-build",
                "assembly-disassembly", "stocktake")) {
            api.allowBackdating(type, BACKDATING_DAYS);
        }
        location = api.location();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        assertLedgerConsistent(api);
    }

    // Backdating behind a stocktake.

    @Test
    void backdatingBehindStocktakeIsRejected() {
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long a = api.openLot(sku, "A", location, "56", "3.00", day(today, 1), null);
        assertCreated(api.damage(a, "14", day(today, 3)));
        JsonObject stocktake = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake").on(day(today, 10))
                .line(a, null, "counted", "1").posted()));
        assertEntry(stocktake.getJsonArray("entries").getJsonObject(0), "-41", "-123.00");

        Api.Response rejected = api.post(ADJUSTMENTS, AdjustmentBody.of("picking-correction").on(day(today, 5))
                .field("orderReference", "SO-1001").line(a, "10").posted());

        assertRejected(rejected, 422, "Lot A of " + sku, "stocktake document " + documentId(stocktake),
                "effective " + day(today, 10));
        assertLot(api, a, "1", "3.00");
        assertEntryCount(api, a, 3);
    }

    @Test
    void backdatingBehindZeroVarianceStocktakeIsRejected() {
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long a = api.openLot(sku, "A", location, "56", "3.00", day(today, 1), null);
        assertCreated(api.damage(a, "14", day(today, 3)));
        JsonObject stocktake = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake").on(day(today, 10))
                .line(a, null, "counted", "42").posted()));

        Api.Response rejected = api.post(ADJUSTMENTS, AdjustmentBody.of("picking-correction").on(day(today, 5))
                .field("orderReference", "SO-1002").line(a, "10").posted());

        assertRejected(rejected, 422, "Lot A of " + sku, "stocktake document " + documentId(stocktake),
                "effective " + day(today, 10));
        assertLot(api, a, "42", "126.00");
        assertEntryCount(api, a, 2);
    }

    // Reversing what a stocktake already corrected.

    @Test
    void reversalBehindStocktakeIsRejected() {
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long a = api.openLot(sku, "A", location, "57", "2.00", day(today, 1), null);
        long sample = documentId(assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(day(today, 2))
                .field("recipient", "Trade fair").line(a, "1").posted())));
        assertCreated(api.damage(a, "3", day(today, 3)));
        long stocktake = documentId(assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("stocktake")
                .on(day(today, 10)).line(a, null, "counted", "1").posted())));

        for (String date : List.of("now", "original")) {
            Api.Response rejected = api.post(ADJUSTMENTS + "/" + sample + "/reverse?date=" + date, "");

            assertRejected(rejected, 422, "Document " + sample + " cannot be reversed", "Lot A of " + sku,
                    "stocktake document " + stocktake, "effective " + day(today, 10));
        }
        assertLot(api, a, "1", "2.00");
        assertEntryCount(api, a, 4);
        assertEquals("POSTED", api.get(ADJUSTMENTS + "/" + sample).json().getString("status"), "the sample stays");
    }

    // A backdated removal must not break a later balance.

    @Test
    void backdatedRemovalMustNotBreakLaterBalance() {
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long a = api.openLot(sku, "A", location, "10", "1.00", day(today, 1), null);
        long writeOff = documentId(assertCreated(api.damage(a, "8", day(today, 5))));

        Api.Response rejected = api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(day(today, 3))
                .field("recipient", "Trade fair").line(a, "5").posted());

        assertRejected(rejected, 422, "Removing 5 from lot A of " + sku + " on " + day(today, 3),
                "would leave it at -3 after " + day(today, 5), "document " + writeOff);
        assertLot(api, a, "2", "2.00");
        assertEntryCount(api, a, 2);
    }

    // The expiry date is the last day of use.

    @Test
    void expiryDateIsLastDayOfUse() {
        LocalDate lastDay = LocalDate.parse("2025-03-31");
        LocalDate dayAfter = LocalDate.parse("2025-04-01");
        String sku = api.product("pcs");
        long lotE = api.openLot(sku, "E", location, "10", "1.00", LocalDate.parse("2025-03-01"), lastDay);

        JsonObject sample = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(lastDay)
                .field("recipient", "Trade fair").line(lotE, "2").posted()));
        assertLot(api, lotE, "8", "8.00");
        ZoneId zone = ZoneId.of(api.get("/api/v1/calendar").json().getString("zone"));
        assertEquals(ZonedDateTime.of(lastDay, LocalTime.of(23, 59, 59), zone).toInstant().toString(),
                sample.getString("effectiveAt"), "a backdated document takes effect at the end of its business day");

        JsonObject onLastDay = lots("?product=" + sku + "&on=" + lastDay).getJsonObject(0);
        assertFalse(onLastDay.getBoolean("expired"), "usable on its last day: " + onLastDay);
        assertEquals(0, lots("?product=" + sku + "&expired=true&on=" + lastDay).size(), "no expired lot on " + lastDay);
        JsonArray expired = lots("?product=" + sku + "&expired=true&on=" + dayAfter);
        assertEquals(1, expired.size(), "expired lots on " + dayAfter + ": " + expired);
        assertTrue(expired.getJsonObject(0).getBoolean("expired"), "expired on " + dayAfter + ": " + expired);
        assertTrue(api.lot(lotE).getBoolean("expired"), "expired today: " + api.lot(lotE));

        assertRejected(api.damage(lotE, "1", dayAfter), 422, "Lot E expired on 2025-03-31");
        assertRejected(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(dayAfter)
                .field("recipient", "Trade fair").line(lotE, "1").posted()), 422, "Lot E expired on 2025-03-31");
        assertRejected(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(dayAfter).field("recipient", "Trade fair")
                        .line(Json.createObjectBuilder().add("quantity", "1"), "product", sku).posted()),
                422, "requested 1, available 0 (not expired)");
        assertRejected(api.post(ADJUSTMENTS, AdjustmentBody.of("expiry").on(lastDay).line(lotE, "8").posted()),
                422, "Lot E is not expired on 2025-03-31");
        assertEntryCount(api, lotE, 2);

        JsonObject writeOff = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("expiry").on(dayAfter)
                .line(lotE, "8").posted()));
        assertEntry(writeOff.getJsonArray("entries").getJsonObject(0), "-8", "-8.00");
        assertLot(api, lotE, "0", "0.00");
        assertEntryCount(api, lotE, 3);
    }

    // Automatic lot choice skips expired lots and splits.

    @Test
    void sampleSkipsExpiredLotsAndSplits() {
        LocalDate opened = LocalDate.parse("2025-07-01");
        LocalDate today = LocalDate.parse("2025-09-01");
        String h = api.product("pcs");
        long h1 = api.openLot(h, "H1", location, "14", "1.00", opened, LocalDate.parse("2025-08-01"));
        long h3 = api.openLot(h, "H3", location, "2", "1.00", opened, LocalDate.parse("2025-09-03"));
        long h2 = api.openLot(h, "H2", location, "3", "1.00", opened, LocalDate.parse("2025-09-10"));

        Api.Response six = api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(today).field("recipient", "Trade fair")
                .line(Json.createObjectBuilder().add("quantity", "6"), "product", h).posted());
        assertRejected(six, 422, "Not enough usable stock of " + h, "requested 6, available 5 (not expired)");

        JsonObject five = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").on(today)
                .field("recipient", "Trade fair")
                .line(Json.createObjectBuilder().add("quantity", "5"), "product", h).posted()));
        JsonArray entries = five.getJsonArray("entries");
        assertEquals(2, entries.size(), "one entry per chosen lot: " + entries);
        assertEquals(h3, entries.getJsonObject(0).getJsonNumber("lotId").longValue(), "H3 expires first: " + entries);
        assertEntry(entries.getJsonObject(0), "-2", "-2.00");
        assertEquals(h2, entries.getJsonObject(1).getJsonNumber("lotId").longValue(), "then H2: " + entries);
        assertEntry(entries.getJsonObject(1), "-3", "-3.00");
        assertLot(api, h1, "14", "14.00");
        assertEntryCount(api, h1, 1);
        assertLot(api, h3, "0", "0.00");
        assertLot(api, h2, "0", "0.00");
    }

    // Serial numbers are never reused.

    @Test
    void serialNumbersAreNeverReused() throws Exception {
        String component = api.product("pcs");
        long k1 = api.openLot(component, "K1", location, "10", "1.00", null, null);
        String y = api.product("pcs", "serial");
        setBomLine(y, component, "1");

        JsonObject build = assertCreated(api.post(ADJUSTMENTS, buildBody(y, "1", "SN-003").posted()));
        long sn003 = outputLot(build);
        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").field("recipient", "Customer")
                .line(sn003, "1").posted()));
        assertLot(api, sn003, "0", "0.00");

        Api.Response again = api.post(ADJUSTMENTS, buildBody(y, "1", "SN-003").posted());
        assertRejected(again, 422, "SN-003", "of " + y + " were already used");
        assertLot(api, k1, "9", "9.00");
        assertEntryCount(api, k1, 2);

        Api.Response two = api.post(ADJUSTMENTS, AdjustmentBody.of("picking-correction")
                .field("orderReference", "SO-2001").line(sn003, "2").posted());
        assertRejected(two, 422, "Serial lot SN-003 of " + y + " would hold 2", "a serial lot holds 0 or 1");
        assertEntryCount(api, sn003, 2);

        Api.Response[] openings = runTogether(2, () -> api.post(ADJUSTMENTS, AdjustmentBody.of("opening")
                .line(Json.createObjectBuilder().add("quantity", "1").add("unitCost", "5.00")
                        .add("newLot", Json.createObjectBuilder().add("product", y).add("code", "SN-010")
                                .add("location", location)))
                .posted()));
        int created = 0;
        for (Api.Response opening : openings) {
            if (opening.status() == 201) {
                created++;
            } else {
                assertTrue(opening.status() == 409 || opening.status() == 422,
                        "the other opening is rejected, not failed: " + opening.body());
            }
        }
        assertEquals(1, created, "openings of SN-010 that succeeded");
        JsonArray sn010 = lots("?product=" + y + "&code=SN-010");
        assertEquals(1, sn010.size(), "lots SN-010: " + sn010);
        assertLot(api, sn010.getJsonObject(0).getJsonNumber("id").longValue(), "1", "5.00");
    }

    // The chosen component lots are the ones consumed.

    @Test
    void buildConsumesChosenLots() {
        String c = api.product("pcs");
        long c1 = api.openLot(c, "C1", location, "10", "1.00", null, null);
        long c2 = api.openLot(c, "C2", location, "10", "1.50", null, null);
        String v = api.product("pcs");
        setBomLine(v, c, "4");

        JsonObject build = assertCreated(api.post(ADJUSTMENTS, buildBody(v, "1", "V1")
                .line(c1, "2").line(c2, "2").posted()));

        assertLot(api, c1, "8", "8.00");
        assertLot(api, c2, "8", "12.00");
        long v1 = outputLot(build);
        assertLot(api, v1, "1", "5.00");
        JsonObject lot = api.lot(v1);
        assertNumber("5.00", lot.getJsonNumber("unitCost").bigDecimalValue(), "unit cost of V1");
        assertEquals(c1 + ":2," + c2 + ":2", lot.getString("origin"), "origin of V1");
    }

    // A build consumes what it builds, and not less.

    @Test
    void buildConsumesWhatItBuilds() {
        String d = api.product("pcs");
        long d1 = api.openLot(d, "D1", location, "40", "0.50", null, null);
        String w = api.product("pcs");
        setBomLine(w, d, "3");
        long draft = documentId(assertCreated(api.post(ADJUSTMENTS, buildBody(w, "1", "W1").draft())));

        JsonObject build = assertCreated(api.post(ADJUSTMENTS + "/" + draft + "/post", ""));

        assertLot(api, d1, "37", "18.50");
        assertEntry(assertEntryCount(api, d1, 2).getJsonObject(1), "-3", "-1.50");
        long w1 = outputLot(build);
        assertLot(api, w1, "1", "1.50");
        assertNumber("1.50", api.lot(w1).getJsonNumber("unitCost").bigDecimalValue(), "unit cost of W1");
    }

    // Disassembly returns the components of built units, at the value the units carried.

    @Test
    void disassemblyReturnsComponentsAtUnitValue() {
        String c = api.product("pcs");
        api.openLot(c, "C1", location, "20", "1.00", null, null);
        String d = api.product("pcs");
        api.openLot(d, "D1", location, "20", "2.00", null, null);
        String x = api.product("pcs");
        setBomLine(x, c, "2");
        setBomLine(x, d, "1");
        long x1 = outputLot(assertCreated(api.post(ADJUSTMENTS, buildBody(x, "3", "X1").posted())));
        assertLot(api, x1, "3", "12.00");

        JsonObject disassembly = assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("assembly-disassembly")
                .field("componentLot", "R1").line(x1, "2").posted()));

        assertLot(api, x1, "1", "4.00");
        JsonArray entries = disassembly.getJsonArray("entries");
        assertEquals(3, entries.size(), "the assembly and two components: " + entries);
        assertEntry(entries.getJsonObject(0), "-2", "-8.00");
        assertEntry(entries.getJsonObject(1), "4", "4.00");
        assertEntry(entries.getJsonObject(2), "2", "4.00");
        long r1c = entries.getJsonObject(1).getJsonNumber("lotId").longValue();
        long r1d = entries.getJsonObject(2).getJsonNumber("lotId").longValue();
        assertLot(api, r1c, "4", "4.00");
        assertLot(api, r1d, "2", "4.00");
        assertEquals("R1", api.lot(r1c).getString("code"), "component lot code of C");

        Api.Response tooMany = api.post(ADJUSTMENTS, AdjustmentBody.of("assembly-disassembly")
                .field("componentLot", "R2").line(x1, "2").posted());
        assertRejected(tooMany, 422, "Lot X1 of " + x + " holds 1");
        assertLot(api, x1, "1", "4.00");
        assertLot(api, r1c, "4", "4.00");
    }

    @Test
    void editedDraftBuildPostsEditedQuantity() {
        String d = api.product("pcs");
        long d1 = api.openLot(d, "D1", location, "40", "0.50", null, null);
        String w = api.product("pcs");
        setBomLine(w, d, "3");
        long draft = documentId(assertCreated(api.post(ADJUSTMENTS, buildBody(w, "2", "W1").draft())));

        Api.Response edited = api.put(ADJUSTMENTS + "/" + draft, buildBody(w, "1", "W1").draft());
        assertEquals(200, edited.status(), edited.body());
        JsonObject build = assertCreated(api.post(ADJUSTMENTS + "/" + draft + "/post", ""));

        assertLot(api, d1, "37", "18.50");
        assertEntryCount(api, d1, 2);
        assertLot(api, outputLot(build), "1", "1.50");
    }

    @Test
    void buildShortOfComponentsCreatesNothing() {
        String d = api.product("pcs");
        long d1 = api.openLot(d, "D1", location, "2", "0.50", null, null);
        String w = api.product("pcs");
        setBomLine(w, d, "3");

        Api.Response rejected = api.post(ADJUSTMENTS, buildBody(w, "1", "W1").posted());

        assertRejected(rejected, 422, "Component " + d, "needs 3, available 2");
        assertLot(api, d1, "2", "1.00");
        assertEntryCount(api, d1, 1);
        assertEquals(0, lots("?product=" + w).size(), "lots of " + w);
    }

    // A sample takes the sample quantity.

    @Test
    void sampleTakesSampleQuantity() {
        String sku = api.product("pcs");
        long r1 = api.openLot(sku, "R1", location, "100", "5.00", null, null);

        assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("sample").field("recipient", "Trade fair")
                .line(r1, "3").posted()));

        assertLot(api, r1, "97", "485.00");
        assertEntry(assertEntryCount(api, r1, 2).getJsonObject(1), "-3", "-15.00");
    }

    // Approval and disabled types.

    @Test
    void approvalRequiredTypeWaitsForAdmin() {
        Api staff = api.newUser("staff");
        String sku = api.product("pcs");
        long source = api.openLot(sku, "T", location, "10", "2.00", null, null);
        String destination = api.location();
        configure("transfer", "{\"approvalRequired\":true}");
        try {
            JsonObject submitted = assertCreated(staff.post(ADJUSTMENTS, AdjustmentBody.of("transfer")
                    .line(source, "4", "toLocation", destination).posted()));
            long id = documentId(submitted);
            assertEquals("SUBMITTED", submitted.getString("status"), "a posting of the type waits for approval");
            assertEquals(0, submitted.getJsonArray("entries").size(), "nothing posted before approval");
            assertLot(api, source, "10", "20.00");

            assertRejected(staff.post(ADJUSTMENTS + "/" + id + "/approve", ""), 403, "adjustment.approve");
            assertRejected(staff.post(ADJUSTMENTS + "/" + id + "/post", ""), 409, "SUBMITTED");
            assertLot(api, source, "10", "20.00");

            JsonObject approved = assertCreated(api.post(ADJUSTMENTS + "/" + id + "/approve", ""));
            assertEquals("POSTED", approved.getString("status"));
            assertEquals(staff.userName(), approved.getString("submittedBy"));
            assertEquals("admin", approved.getString("postedBy"));
            JsonArray entries = approved.getJsonArray("entries");
            assertEquals(2, entries.size(), "source and destination entries: " + entries);
            assertEntry(entries.getJsonObject(0), "-4", "-8.00");
            assertEntry(entries.getJsonObject(1), "4", "8.00");
            assertLot(api, source, "6", "12.00");
            assertLot(api, entries.getJsonObject(1).getJsonNumber("lotId").longValue(), "4", "8.00");

            long draft = documentId(assertCreated(staff.post(ADJUSTMENTS, AdjustmentBody.of("transfer")
                    .line(source, "1", "toLocation", destination).draft())));
            assertRejected(staff.post(ADJUSTMENTS + "/" + draft + "/post", ""), 422, "requires approval");
            Api.Response submittedDraft = staff.post(ADJUSTMENTS + "/" + draft + "/submit", "");
            assertEquals(200, submittedDraft.status(), submittedDraft.body());
            assertEquals("SUBMITTED", submittedDraft.json().getString("status"));
            assertLot(api, source, "6", "12.00");
        } finally {
            configure("transfer", "{\"approvalRequired\":false}");
        }
    }

    @Test
    void disabledTypeCannotBeUsed() {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "P", location, "10", "1.00", null, null);
        long draft = documentId(assertCreated(api.post(ADJUSTMENTS, AdjustmentBody.of("picking-correction")
                .field("orderReference", "SO-3001").line(lot, "1").draft())));
        configure("picking-correction", "{\"enabled\":false}");
        try {
            assertEquals("disabled", api.get("/api/v1/adjustment-types/picking-correction").json()
                    .getString("status"));

            Api.Response created = api.post(ADJUSTMENTS, AdjustmentBody.of("picking-correction")
                    .field("orderReference", "SO-3002").line(lot, "1").posted());
            assertRejected(created, 422, "Adjustment type 'picking-correction' is disabled");
            Api.Response posted = api.post(ADJUSTMENTS + "/" + draft + "/post", "");
            assertRejected(posted, 422, "Adjustment type 'picking-correction' is disabled");
            assertLot(api, lot, "10", "10.00");
            assertEntryCount(api, lot, 1);
        } finally {
            configure("picking-correction", "{\"enabled\":true}");
        }

        assertCreated(api.post(ADJUSTMENTS + "/" + draft + "/post", ""));
        assertLot(api, lot, "11", "11.00");
    }

    private AdjustmentBody buildBody(String assembly, String quantity, String outputLot) {
        return AdjustmentBody.of("assembly-build")
                .field("assembly", assembly)
                .field("quantity", quantity)
                .field("outputLot", outputLot)
                .field("outputLocation", location);
    }

    private void setBomLine(String assembly, String component, String quantityPerUnit) {
        Api.Response response = api.post("/api/v1/products/" + assembly + "/bom", Json.createObjectBuilder()
                .add("component", component).add("quantityPerUnit", quantityPerUnit).build().toString());
        assertEquals(200, response.status(), response.body());
    }

    private void configure(String type, String settings) {
        Api.Response response = api.put("/api/v1/adjustment-types/" + type + "/settings", settings);
        assertEquals(200, response.status(), response.body());
    }

    private JsonArray lots(String query) {
        Api.Response response = api.get("/api/v1/lots" + query);
        assertEquals(200, response.status(), response.body());
        return response.array();
    }

    /** Returns the lot of a build's only positive entry, its output. */
    private static long outputLot(JsonObject build) {
        List<Long> outputs = new ArrayList<>();
        for (JsonObject entry : build.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            if (entry.getJsonNumber("quantity").bigDecimalValue().signum() > 0) {
                outputs.add(entry.getJsonNumber("lotId").longValue());
            }
        }
        assertEquals(1, outputs.size(), "output entries of " + build);
        return outputs.get(0);
    }

    private static Api.Response[] runTogether(int count, java.util.concurrent.Callable<Api.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Api.Response[] responses = new Api.Response[count];
            for (int i = 0; i < count; i++) {
                responses[i] = futures.get(i).get();
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the date of day {@code n} of a case, where day 1 is twelve days before today. */
    private static LocalDate day(LocalDate today, int n) {
        return today.minusDays(12).plusDays(n - 1L);
    }
}
