package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotkeeper.web.it.misbehaving.ThrowingType;

/**
 * Adjustment types that break the SPI are contained: each failure is reported against that
 * type, nothing is posted, and the other types keep working. The deployment limits calls into
 * types to 2 s and 2 at once per type, so the slow and looping types take seconds.
 */
@ExtendWith(ArquillianExtension.class)
class MisbehavingTypesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive plugins = ShrinkWrap.create(JavaArchive.class, "misbehaving-types.jar")
                .addPackage(ThrowingType.class.getPackage())
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.1\" bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsManifestResource(new StringAsset("lotkeeper.types.time-limit=PT2S\n"
                        + "lotkeeper.types.max-calls-per-type=2\n"), "microprofile-config.properties");
        return Deployments.application().addAsLibrary(plugins);
    }

    @ArquillianResource
    URL url;

    Api api;
    long lot;
    long other;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        String location = api.location();
        String sku = api.product("pcs");
        lot = api.openLot(sku, "M1", location, "10", "1.00", null, null);
        other = api.openLot(sku, "M2", location, "10", "1.00", null, null);
    }

    @Test
    void throwingTypeIsReportedAndPostsNothing() {
        Api.Response response = post("test-throwing", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("Adjustment type 'test-throwing' failed"), response.body());
        assertUnchanged();
        assertReported("test-throwing", "Adjustment type 'test-throwing' failed: IllegalStateException: deliberate"
                + " failure for the test. Nothing was posted.");
    }

    @Test
    void typePostingToLotsNotAskedAboutIsRejected() {
        Api.Response response = post("test-stray-lot", "{\"other\":\"" + other + "\"}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("which the request does not name"), response.body());
        assertUnchanged();
        assertReported("test-stray-lot", "Adjustment type 'test-stray-lot' broke the SPI contract; nothing was posted");
    }

    @Test
    void typeProposingForbiddenSignIsRejected() {
        Api.Response response = post("test-wrong-sign", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("may only post [NEGATIVE] lines"), response.body());
        assertUnchanged();
    }

    @Test
    void typeReturningNullIsReported() {
        Api.Response response = post("test-null", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("returned no proposal"), response.body());
        assertUnchanged();
    }

    @Test
    void incompatibleAndDuplicateTypesAreListedAsFailedAndNeverCalled() {
        JsonObject future = api.get("/api/v1/adjustment-types/test-future-spi").json();
        assertEquals("failed", future.getString("status"));
        assertTrue(future.getString("failure").contains("SPI version 99"), future.toString());
        Api.Response refused = post("test-future-spi", "{}");
        assertEquals(500, refused.status(), refused.body());
        assertTrue(refused.body().contains("failed to load"), refused.body());

        boolean duplicateListed = api.get("/api/v1/adjustment-types").array().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(type -> type.getString("status").equals("failed")
                        && type.getString("failure", "").startsWith("Duplicate type id 'damage'"));
        assertTrue(duplicateListed, "the impostor damage type is listed as failed");
        assertEquals(201, api.damage(lot, "1", null).status(), "the built-in damage type still works");
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(lot)));
    }

    @Test
    void postingsAndReversalsRaiseEventsAfterCommit() {
        long damage = api.damage(lot, "1", null).json().getJsonNumber("id").longValue();
        Api.Response reversal = api.post("/api/v1/adjustments/" + damage + "/reverse", "");
        assertEquals(201, reversal.status(), reversal.body());
        long reversalId = reversal.json().getJsonNumber("id").longValue();
        assertEquals(422, api.damage(lot, "100", null).status(), "a rejected posting");

        String report = post("test-event-report", "{}").body();
        String committed = report.substring(report.indexOf("committed ["));
        assertTrue(committed.contains(" " + damage + ",") || committed.contains("[" + damage + ","), report);
        assertTrue(committed.contains(reversalId + "]") || committed.contains(reversalId + ","), report);
    }

    @Test
    void sleepingTypeIsCutOffAtTheTimeLimitAndPostsNothing() throws InterruptedException {
        long start = System.nanoTime();
        Api.Response response = post("test-sleeping", "{\"seconds\":\"30\"}");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTimedOut(response, "test-sleeping");
        assertTrue(millis >= 2_000 && millis < 8_000, "answered after " + millis + " ms");
        assertUnchanged();
        assertTrue(api.verification().getBoolean("consistent"));

        // The type honours the interrupt, so its call ends right after the time-out.
        JsonObject calls = awaitInFlight("test-sleeping", 0);
        assertTrue(calls.getInt("timedOut") >= 1, calls.toString());
        assertTrue(calls.getInt("failed") >= 1, calls.toString());
        assertTrue(calls.getString("lastFailure").contains("time limit of 2 s"), calls.toString());
        JsonObject audited = api.get("/api/v1/audit?action=type.failure").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(event -> event.getString("target").equals("test-sleeping"))
                .findFirst().orElseThrow();
        assertEquals("failed", audited.getString("outcome"), audited.toString());
        assertTrue(audited.getString("detail").matches("document \\d+: Adjustment type 'test-sleeping' did not"
                + " answer within the time limit of 2 s.*"), audited.toString());

        Api.Response quick = post("test-sleeping", "{\"seconds\":\"0.2\"}");
        assertEquals(201, quick.status(), "a slow call within the limit posts, reading stock on its thread: "
                + quick.body());
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(lot)));
    }

    @Test
    void loopingTypeIsCutOffAndCappedWhileOtherTypesPost() throws InterruptedException {
        // Each call spins for 8 s, ignoring the interrupt, so it keeps its thread after its 2 s time-out.
        for (int i = 0; i < 2; i++) {
            assertTimedOut(post("test-looping", "{\"seconds\":\"8\"}"), "test-looping");
        }
        assertEquals(2, api.get("/api/v1/adjustment-types/test-looping").json().getJsonObject("calls")
                .getInt("inFlight"), "both stuck calls still run");

        Api.Response refused = post("test-looping", "{\"seconds\":\"8\"}");
        assertEquals(503, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        JsonObject problem = refused.json();
        assertEquals("type-busy", problem.getString("code"));
        assertEquals("Adjustment type busy", problem.getString("title"));
        assertEquals("Adjustment type 'test-looping' already has 2 calls running (the most one type may have,"
                + " counting calls that timed out and have not returned yet). Nothing was posted; try again later.",
                problem.getString("detail"));
        assertEquals("test-looping", problem.getJsonArray("problems").getJsonObject(0).getString("value"));

        assertEquals(201, api.damage(other, "1", null).status(), "another type posts while the stuck calls run");
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "the looping type's lot is unchanged");
        assertEquals(1, api.ledger(lot).size());
        assertTrue(api.verification().getBoolean("consistent"));

        JsonObject calls = awaitInFlight("test-looping", 0);
        assertEquals(1, calls.getInt("refused"), calls.toString());
        Api.Response preview = api.post("/api/v1/adjustments/preview", "{\"type\":\"test-looping\",\"fields\":"
                + "{\"seconds\":\"0\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(200, preview.status(), "the type is called again once its calls ended: " + preview.body());
    }

    @Test
    void otherPostingsProceedWhileASlowCallIsInFlight() throws Exception {
        CompletableFuture<Api.Response> slow = CompletableFuture.supplyAsync(
                () -> post("test-sleeping", "{\"seconds\":\"30\"}"));
        awaitInFlight("test-sleeping", 1);

        Api.Response otherLot = api.damage(other, "1", null);
        assertEquals(201, otherLot.status(), otherLot.body());
        assertFalse(slow.isDone(), "the damage posted while the slow call was still in flight");

        // The slow call holds no lot locks while its type works, so even its own lot takes postings.
        Api.Response sameLot = api.damage(lot, "1", null);
        assertEquals(201, sameLot.status(), sameLot.body());
        assertFalse(slow.isDone(), "the damage on the slow call's lot posted while the call was in flight");

        assertTimedOut(slow.get(30, TimeUnit.SECONDS), "test-sleeping");
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(lot)), "only the damage posted on the lot");
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(other)));
        assertEquals(2, api.ledger(lot).size());
        assertEquals(2, api.ledger(other).size());
        assertTrue(api.verification().getBoolean("consistent"));
    }

    @Test
    void typeIsAskedAgainWhenItsLotChangedWhileItWorked() throws Exception {
        // The type reads 10, and proposes to remove all 10 after a second; meanwhile 1 is written off.
        CompletableFuture<Api.Response> slow = CompletableFuture.supplyAsync(
                () -> post("test-sleeping", "{\"seconds\":\"1\",\"all\":\"true\"}"));
        awaitInFlight("test-sleeping", 1);
        assertEquals(201, api.damage(lot, "1", null).status());

        Api.Response response = slow.get(30, TimeUnit.SECONDS);
        assertEquals(201, response.status(), "asked again under the lock, the type removes the 9 left: "
                + response.body());
        assertEquals(0, BigDecimal.ZERO.compareTo(api.quantity(lot)));
        assertEquals(3, api.ledger(lot).size());
        assertTrue(api.verification().getBoolean("consistent"));
    }

    private static void assertTimedOut(Api.Response response, String type) {
        assertEquals(504, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        JsonObject problem = response.json();
        assertEquals("urn:lotkeeper:problem:type-timed-out", problem.getString("type"));
        assertEquals("type-timed-out", problem.getString("code"));
        assertEquals("Adjustment type timed out", problem.getString("title"));
        assertEquals(504, problem.getInt("status"));
        String detail = "Adjustment type '" + type + "' did not answer within the time limit of 2 s; the call was"
                + " cancelled and nothing was posted.";
        assertEquals(detail, problem.getString("detail"));
        JsonObject item = problem.getJsonArray("problems").getJsonObject(0);
        assertEquals("type", item.getString("field"));
        assertEquals(type, item.getString("value"));
        assertEquals(detail, item.getString("message"));
    }

    /** Checks that the type's failure is counted against it and audited. */
    private void assertReported(String type, String message) {
        JsonObject calls = api.get("/api/v1/adjustment-types/" + type).json().getJsonObject("calls");
        assertTrue(calls.getInt("failed") >= 1, calls.toString());
        assertTrue(calls.getString("lastFailure").startsWith(message), calls.toString());
        boolean audited = api.get("/api/v1/audit?action=type.failure").array().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(event -> event.getString("target").equals(type) && event.getString("outcome").equals("failed")
                        && event.getString("detail").matches("document \\d+: \\Q" + message + "\\E.*"));
        assertTrue(audited, "a type.failure audit event for " + type);
    }

    /** Waits until the type has this many calls running, and returns its call counters. */
    private JsonObject awaitInFlight(String type, int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            JsonObject calls = api.get("/api/v1/adjustment-types/" + type).json().getJsonObject("calls");
            if (calls.getInt("inFlight") == expected) {
                return calls;
            }
            assertTrue(System.nanoTime() < until, "calls of " + type + " still " + calls);
            Thread.sleep(50);
        }
    }

    private Api.Response post(String type, String fields) {
        return api.post("/api/v1/adjustments", "{\"type\":\"" + type + "\",\"post\":true,\"fields\":" + fields
                + ",\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
    }

    private void assertUnchanged() {
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "the named lot is unchanged");
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(other)), "the other lot is unchanged");
        assertEquals(1, api.ledger(lot).size());
        assertEquals(1, api.ledger(other).size());
    }
}
