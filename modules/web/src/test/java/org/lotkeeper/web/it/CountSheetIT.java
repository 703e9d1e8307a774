package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Count sheets on a real server: snapshots frozen when counting starts, counts that add up,
 * blank that is not zero, lots that moved after their snapshot, one open sheet per lot, blind
 * counting, and counts that block later backdated changes.
 */
@ExtendWith(ArquillianExtension.class)
class CountSheetIT {

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
        location = api.location();
        sku = api.product("pcs");
    }

    @AfterEach
    void ledgerStaysConsistent() {
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    @Test
    void movedLotBlocksPostingUntilResolvedBefore() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "7");
        assertEquals(201, api.damage(a, "2", null).status());

        Api.Response refused = api.post("/api/v1/stocktakes/" + sheet + "/post", "{}");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("moved since its snapshot (snapshot 10, now 8, by damage document"),
                refused.body());
        assertEquals(0, new BigDecimal("8").compareTo(api.quantity(a)), "the refused sheet changed nothing");

        Api.Response posted = api.post("/api/v1/stocktakes/" + sheet + "/post", "{\"resolutions\":{\"" + a + "\":\"before\"}}");
        assertEquals(201, posted.status(), posted.body());
        assertEquals(0, new BigDecimal("5").compareTo(api.quantity(a)), "variance -3 against the snapshot of 10");
    }

    @Test
    void movedLotResolvedAfterUsesCurrentQuantity() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "7");
        assertEquals(201, api.damage(a, "2", null).status());

        Api.Response posted = api.post("/api/v1/stocktakes/" + sheet + "/post", "{\"resolutions\":{\"" + a + "\":\"after\"}}");
        assertEquals(201, posted.status(), posted.body());
        assertEquals(0, new BigDecimal("7").compareTo(api.quantity(a)), "variance -1 against the current 8");
    }

    @Test
    void recountTakesNewSnapshot() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "7");
        assertEquals(201, api.damage(a, "2", null).status());

        JsonObject recounted = api.post("/api/v1/stocktakes/" + sheet + "/recount", "{\"lotId\":" + a + "}").json();
        assertEquals(0, new BigDecimal("8").compareTo(line(recounted).getJsonNumber("snapshot").bigDecimalValue()));
        assertTrue(line(recounted).isNull("counted"), "a recount clears the counts");
        count(sheet, a, "6");
        assertEquals(201, api.post("/api/v1/stocktakes/" + sheet + "/post", "{}").status());
        assertEquals(0, new BigDecimal("6").compareTo(api.quantity(a)));
    }

    @Test
    void lotIsOnOneOpenSheetOnly() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long first = open("{\"lots\":[" + a + "]}");
        Api.Response second = api.post("/api/v1/stocktakes", "{\"lots\":[" + a + "]}");
        assertEquals(409, second.status(), second.body());
        assertTrue(second.body().contains("already on open count sheet " + first), second.body());

        assertEquals(200, api.post("/api/v1/stocktakes/" + first + "/cancel", "").status());
        assertEquals(201, api.post("/api/v1/stocktakes", "{\"lots\":[" + a + "]}").status(),
                "a cancelled sheet frees its lots");
    }

    @Test
    void blankIsNotZero() {
        long a = api.openLot(sku, "A", location, "3", "4.00", null, null);
        long b = api.openLot(sku, "B", location, "5", "4.00", null, null);
        long sheet = open("{\"lots\":[" + a + "," + b + "]}");
        count(sheet, b, "4");
        assertEquals(201, api.post("/api/v1/stocktakes/" + sheet + "/post", "{}").status());
        assertEquals(0, new BigDecimal("3").compareTo(api.quantity(a)));
        assertEquals(1, api.ledger(a).size(), "A was not counted and got no entry");
        assertEquals(0, new BigDecimal("4").compareTo(api.quantity(b)));
        assertEquals(new BigDecimal("-4.00"), api.ledger(b).getJsonObject(1).getJsonNumber("value").bigDecimalValue());

        long zeroSheet = open("{\"lots\":[" + a + "]}");
        count(zeroSheet, a, "0");
        assertEquals(201, api.post("/api/v1/stocktakes/" + zeroSheet + "/post", "{}").status());
        assertEquals(0, BigDecimal.ZERO.compareTo(api.quantity(a)));
        assertEquals(new BigDecimal("-12.00"), api.ledger(a).getJsonObject(1).getJsonNumber("value").bigDecimalValue());
    }

    @Test
    void countsOfOneLotAddUp() {
        long a = api.openLot(sku, "A", location, "10", "1.50", null, null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "6");
        count(sheet, a, "3");
        assertEquals(201, api.post("/api/v1/stocktakes/" + sheet + "/post", "{}").status());
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(a)));
        assertEquals(2, api.ledger(a).size(), "one entry of -1");
        assertEquals(new BigDecimal("-1.50"), api.ledger(a).getJsonObject(1).getJsonNumber("value").bigDecimalValue());
    }

    @Test
    void pastCountUsesQuantityOfItsDate() {
        api.allowBackdating("opening", 60);
        api.allowBackdating("damage", 60);
        api.allowBackdating("stocktake", 60);
        LocalDate day1 = api.today().minusDays(5);
        long a = api.openLot(sku, "A", location, "100", "1.00", day1, null);
        assertEquals(201, api.damage(a, "30", day1.plusDays(4)).status());

        JsonObject sheet = api.post("/api/v1/stocktakes", "{\"lots\":[" + a + "],\"effectiveDate\":\"" + day1.plusDays(2)
                + "\"}").json();
        assertEquals(0, new BigDecimal("100").compareTo(line(sheet).getJsonNumber("snapshot").bigDecimalValue()));
        long id = sheet.getJsonNumber("id").longValue();
        count(id, a, "95");
        assertEquals(201, api.post("/api/v1/stocktakes/" + id + "/post", "{}").status());
        assertEquals(0, new BigDecimal("65").compareTo(api.quantity(a)));
        assertEquals(new BigDecimal("65.00"), api.value(a));
    }

    @Test
    void matchingCountStillBlocksEarlierBackdating() {
        api.allowBackdating("opening", 60);
        api.allowBackdating("picking-correction", 60);
        LocalDate today = api.today();
        long a = api.openLot(sku, "A", location, "5", "2.00", today.minusDays(10), null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "5");
        assertEquals(201, api.post("/api/v1/stocktakes/" + sheet + "/post", "{}").status());
        assertEquals(1, api.ledger(a).size(), "a matching count writes no entry");

        Api.Response backdated = api.post("/api/v1/adjustments", "{\"type\":\"picking-correction\",\"post\":true,"
                + "\"effectiveDate\":\"" + today.minusDays(3) + "\",\"fields\":{\"orderReference\":\"SO-1\"},"
                + "\"lines\":[{\"lotId\":" + a + ",\"quantity\":1}]}");
        assertEquals(422, backdated.status(), backdated.body());
        assertTrue(backdated.body().contains("was counted by stocktake document"), backdated.body());
        assertEquals(0, new BigDecimal("5").compareTo(api.quantity(a)));
    }

    @Test
    void blindSheetHidesSnapshotsFromStaff() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        Api staff = api.newUser("staff");
        JsonObject sheet = staff.post("/api/v1/stocktakes", "{\"lots\":[" + a + "],\"blind\":true}").json();
        assertFalse(line(sheet).containsKey("snapshot"), "staff see no snapshot on a blind sheet: " + sheet);
        long id = sheet.getJsonNumber("id").longValue();
        JsonObject counted = staff.post("/api/v1/stocktakes/" + id + "/counts", "{\"lotId\":" + a + ",\"quantity\":9}").json();
        assertFalse(line(counted).containsKey("variance"), "nor a variance: " + counted);
        JsonObject adminView = api.get("/api/v1/stocktakes/" + id).json();
        assertEquals(0, BigDecimal.TEN.compareTo(line(adminView).getJsonNumber("snapshot").bigDecimalValue()));
    }

    @Test
    void postedSheetNeverChanges() {
        long a = api.openLot(sku, "A", location, "10", "1.00", null, null);
        long sheet = open("{\"lots\":[" + a + "]}");
        count(sheet, a, "8");
        assertEquals(201, api.post("/api/v1/stocktakes/" + sheet + "/post", "{}").status());

        Api.Response late = api.post("/api/v1/stocktakes/" + sheet + "/counts", "{\"lotId\":" + a + ",\"quantity\":1}");
        assertEquals(409, late.status(), late.body());
        JsonObject kept = api.get("/api/v1/stocktakes/" + sheet).json();
        assertEquals("POSTED", kept.getString("status"));
        assertEquals(0, new BigDecimal("8").compareTo(line(kept).getJsonNumber("counted").bigDecimalValue()));
        assertEquals(0, BigDecimal.TEN.compareTo(line(kept).getJsonNumber("snapshot").bigDecimalValue()));
    }

    private long open(String body) {
        Api.Response response = api.post("/api/v1/stocktakes", body);
        assertEquals(201, response.status(), response.body());
        return response.json().getJsonNumber("id").longValue();
    }

    private void count(long sheet, long lot, String quantity) {
        Api.Response response = api.post("/api/v1/stocktakes/" + sheet + "/counts",
                "{\"lotId\":" + lot + ",\"quantity\":" + quantity + "}");
        assertEquals(200, response.status(), response.body());
    }

    private static JsonObject line(JsonObject sheet) {
        return sheet.getJsonArray("lines").getJsonObject(0);
    }
}
