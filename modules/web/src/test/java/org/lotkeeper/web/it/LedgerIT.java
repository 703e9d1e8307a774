package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger invariants through the API on a real server and database: all or nothing, balances
 * equal to entries, no negative stock (also after backdated entries), exact decimals, value
 * following stock, idempotent submission and no lost updates under concurrency.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    /** Postings per thread in the 16-thread test: the system property, or 500. */
    static final int POSTINGS_PER_THREAD = Integer.getInteger("lotkeeper.it.postingsPerThread", 500);

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
    void concurrentRemovalsOfTheSameStockPostOnce() throws Exception {
        // Two write-offs of -5 race for 5 units, 50 times on fresh lots: exactly one wins each time.
        String sku = api.product("pcs");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                long lot = api.openLot(sku, "A" + round, location, "5", "2.00", null, null);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Response>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return api.damage(lot, "5", null);
                    }));
                }
                start.countDown();
                int posted = 0;
                String rejection = null;
                for (Future<Api.Response> result : results) {
                    Api.Response response = result.get();
                    if (response.status() == 201) {
                        posted++;
                    } else {
                        assertEquals(422, response.status(), response.body());
                        rejection = response.body();
                    }
                }
                assertEquals(1, posted, "round " + round + ": postings that succeeded");
                assertTrue(rejection.contains("requested 5, available 0"), rejection);
                assertEquals(0, BigDecimal.ZERO.compareTo(api.quantity(lot)), "quantity after round " + round);
                assertEquals(new BigDecimal("0.00"), api.value(lot), "value after round " + round);
                assertEquals(2, api.ledger(lot).size(), "entries: the opening and one write-off");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAdditionsAreNeverLost() throws Exception {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "PLUS", location, "5", "1.00", null, null);
        Api.Response[] responses = runTogether(2, i -> api.post("/api/v1/adjustments",
                "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot + ",\"quantity\":3,\"unitCost\":1}]}"));
        for (Api.Response response : responses) {
            assertEquals(201, response.status(), response.body());
        }
        assertEquals(0, new BigDecimal("11").compareTo(api.quantity(lot)), "5 + 3 + 3");
    }

    @Test
    void concurrentPartialRemovalsRejectTheShortOne() throws Exception {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "MINUS", location, "5", "1.00", null, null);
        Api.Response[] responses = runTogether(2, i -> api.damage(lot, "3", null));
        long posted = java.util.Arrays.stream(responses).filter(r -> r.status() == 201).count();
        assertEquals(1, posted, "one of the two -3 posts");
        Api.Response rejected = java.util.Arrays.stream(responses).filter(r -> r.status() != 201).findFirst().orElseThrow();
        assertTrue(rejected.body().contains("requested 3, available 2"), rejected.body());
        assertEquals(0, new BigDecimal("2").compareTo(api.quantity(lot)));
    }

    @Test
    void sixteenPostersOnThreeLotsEndExact() throws Exception {
        // 16 threads x 500 postings of +1 or -1 on 3 lots; the final balances are exact.
        String sku = api.product("pcs");
        long[] lots = {
            api.openLot(sku, "H1", location, "10000", "1.00", null, null),
            api.openLot(sku, "H2", location, "10000", "1.00", null, null),
            api.openLot(sku, "H3", location, "10000", "1.00", null, null)
        };
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                int[] removed = new int[3];
                for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
                    int lot = (thread + i) % 3;
                    Api.Response response = api.damage(lots[lot], "1", null);
                    if (response.status() == 201) {
                        removed[lot]++;
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return removed;
            }));
        }
        start.countDown();
        int[] total = new int[3];
        for (Future<int[]> result : results) {
            int[] removed = result.get();
            for (int i = 0; i < 3; i++) {
                total[i] += removed[i];
            }
        }
        pool.shutdown();

        assertEquals(0, failures.get(), "postings that failed");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, BigDecimal.valueOf(10000L - total[i]).compareTo(api.quantity(lots[i])), "lot " + i);
            assertEquals(new BigDecimal(10000 - total[i]).setScale(2), api.value(lots[i]), "value of lot " + i);
        }
        assertEquals(16 * POSTINGS_PER_THREAD, total[0] + total[1] + total[2], "postings that succeeded");
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    @Test
    void oppositeTransfersDoNotDeadlock() throws Exception {
        // Eight threads move one unit at a time between the same two lots, half in each
        // direction; the destination is locked with the source, so every transfer posts.
        String sku = api.product("pcs");
        long[] lots = {
            api.openLot(sku, "T1", location, "1000", "1.00", null, null),
            api.openLot(sku, "T2", location, "1000", "1.00", null, null)
        };
        int transfersPerThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long from = lots[t % 2];
            long to = lots[(t + 1) % 2];
            results.add(pool.submit(() -> {
                start.await();
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < transfersPerThread; i++) {
                    Api.Response response = api.post("/api/v1/adjustments", "{\"type\":\"transfer\",\"post\":true,"
                            + "\"lines\":[{\"lotId\":" + from + ",\"quantity\":\"1\",\"fields\":{\"toLotId\":\"" + to
                            + "\"}}]}");
                    if (response.status() != 201) {
                        refused.add(response.status() + " " + response.body());
                    }
                }
                return refused;
            }));
        }
        start.countDown();
        List<String> refused = new ArrayList<>();
        for (Future<List<String>> result : results) {
            refused.addAll(result.get());
        }
        pool.shutdown();

        assertEquals(List.of(), refused, "transfers that did not post");
        for (long lot : lots) {
            assertEquals(0, new BigDecimal("1000").compareTo(api.quantity(lot)), "quantity of lot " + lot);
            assertEquals(new BigDecimal("1000.00"), api.value(lot), "value of lot " + lot);
            assertEquals(1 + 4 * transfersPerThread * 2, api.ledger(lot).size(), "ledger entries of lot " + lot);
        }
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    /** Seconds the mixed load runs: the system property, or 15. */
    static final int LOAD_SECONDS = Integer.getInteger("lotkeeper.load.seconds", 15);

    @Test
    void mixedLoadOnHotAndColdLotsEndsExact() throws Exception {
        // Twelve clients for a fixed time: half on one hot lot, half spread over ten cold lots,
        // each posting a write-off of 1 or an opening of 1 at 1.00, while a probe keeps reading.
        String sku = api.product("pcs");
        long hot = api.openLot(sku, "HOT", location, "100000", "1.00", null, null);
        long[] cold = new long[10];
        for (int i = 0; i < cold.length; i++) {
            cold[i] = api.openLot(sku, "COLD" + i, location, "1000", "1.00", null, null);
        }
        java.util.Map<Long, AtomicInteger> net = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger rejections = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(LOAD_SECONDS).toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(13);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            int client = t;
            clients.add(pool.submit(() -> {
                java.util.Random random = new java.util.Random(client);
                while (System.nanoTime() < deadline) {
                    long lot = client % 2 == 0 ? hot : cold[random.nextInt(cold.length)];
                    boolean remove = random.nextBoolean();
                    Api.Response response = remove ? api.damage(lot, "1", null)
                            : api.post("/api/v1/adjustments", "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":"
                                    + lot + ",\"quantity\":1,\"unitCost\":1}]}");
                    if (response.status() == 201) {
                        net.computeIfAbsent(lot, id -> new AtomicInteger()).addAndGet(remove ? -1 : 1);
                    } else if (response.status() >= 500) {
                        serverErrors.incrementAndGet();
                    } else {
                        rejections.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        clients.add(pool.submit(() -> {
            while (System.nanoTime() < deadline) {
                assertEquals(200, api.get("/api/v1/lots/" + hot).status(), "reads are answered under load");
                probes.incrementAndGet();
                Thread.sleep(200);
            }
            return null;
        }));
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        assertEquals(0, serverErrors.get(), "server errors under load");
        assertEquals(0, rejections.get(), "rejected postings: every lot had enough stock");
        assertTrue(probes.get() > 0, "the probe read the hot lot while postings ran");
        assertQuantity(hot, 100000, net);
        for (long lot : cold) {
            assertQuantity(lot, 1000, net);
        }
        assertTrue(api.verification().getBoolean("consistent"), api.verification().toString());
    }

    private void assertQuantity(long lot, int opening, java.util.Map<Long, AtomicInteger> net) {
        int expected = opening + net.getOrDefault(lot, new AtomicInteger()).get();
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(api.quantity(lot)), "quantity of lot " + lot);
        assertEquals(new BigDecimal(expected).setScale(2), api.value(lot), "value of lot " + lot);
    }

    @Test
    void sameSubmissionTwiceYieldsOneDocument() throws Exception {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "K", location, "10", "2.00", null, null);
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot + ",\"quantity\":5,\"unitCost\":2}]}";

        Api.Response[] first = runTogether(2, i -> api.post("/api/v1/adjustments", body, key));
        Api.Response later = api.post("/api/v1/adjustments", body, key);

        long id = first[0].json().getJsonNumber("id").longValue();
        assertEquals(id, first[1].json().getJsonNumber("id").longValue(), "both quick repeats name one document");
        assertEquals(id, later.json().getJsonNumber("id").longValue(), "a later repeat names the same document");
        assertEquals(200, later.status());
        assertEquals("true", later.header("Idempotency-Replayed"));
        assertEquals(0, new BigDecimal("15").compareTo(api.quantity(lot)));
        assertEquals(new BigDecimal("30.00"), api.value(lot));
        assertEquals(2, api.ledger(lot).size(), "the opening and one +5 entry");

        Api.Response different = api.post("/api/v1/adjustments", body.replace("\"quantity\":5", "\"quantity\":6"), key);
        assertEquals(409, different.status(), different.body());
        assertEquals(0, new BigDecimal("15").compareTo(api.quantity(lot)), "the different request changed nothing");
    }

    @Test
    void documentWithOneBadLinePostsNothing() {
        String sku = api.product("pcs");
        long a = api.openLot(sku, "GOOD", location, "10", "1.00", null, null);
        long b = api.openLot(sku, "SHORT", location, "2", "1.00", null, null);
        Api.Response response = api.post("/api/v1/adjustments", "{\"type\":\"damage\",\"post\":true,\"lines\":["
                + "{\"lotId\":" + a + ",\"quantity\":4,\"fields\":{\"reason\":\"BROKEN\"}},"
                + "{\"lotId\":" + b + ",\"quantity\":3,\"fields\":{\"reason\":\"BROKEN\"}}]}");
        assertEquals(422, response.status(), response.body());
        assertTrue(response.body().contains("SHORT"), response.body());
        assertTrue(response.body().contains("requested 3, available 2"), response.body());
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(a)), "the valid line did not post");
        assertEquals(1, api.ledger(a).size());
    }

    @Test
    void backdatedRemovalMustNotBreakLaterBalance() {
        api.allowBackdating("opening", 60);
        api.allowBackdating("damage", 60);
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "C11", location, "10", "1.00", today.minusDays(11), null);
        assertEquals(201, api.damage(lot, "8", today.minusDays(7)).status());

        Api.Response rejected = api.damage(lot, "5", today.minusDays(9));
        assertEquals(422, rejected.status(), rejected.body());
        assertTrue(rejected.body().contains("would leave it at -3"), rejected.body());
        assertEquals(0, new BigDecimal("2").compareTo(api.quantity(lot)));

        assertEquals(201, api.damage(lot, "2", today.minusDays(9)).status(), "a removal that fits is accepted");
        assertEquals(0, BigDecimal.ZERO.compareTo(api.quantity(lot)));
    }

    @Test
    void unitsDecideDecimals() {
        String kg = api.product("kg");
        long k2 = api.openLot(kg, "K2", location, "0.300", "10.00", null, null);
        Api.Response posted = api.post("/api/v1/adjustments", "{\"type\":\"damage\",\"post\":true,\"lines\":["
                + "{\"lotId\":" + k2 + ",\"quantity\":\"0.100\",\"fields\":{\"reason\":\"SPOILED\"}},"
                + "{\"lotId\":" + k2 + ",\"quantity\":\"0.200\",\"fields\":{\"reason\":\"SPOILED\"}}]}");
        assertEquals(201, posted.status(), posted.body());
        assertEquals(0, BigDecimal.ZERO.compareTo(api.quantity(k2)), "0.300 - 0.100 - 0.200");
        assertEquals(new BigDecimal("0.00"), api.value(k2));

        String pcs = api.product("pcs");
        long lot = api.openLot(pcs, "P1", location, "3", "1.00", null, null);
        Api.Response half = api.damage(lot, "0.5", null);
        assertEquals(422, half.status(), half.body());
        assertTrue(half.body().contains("whole units only"), half.body());

        long k3 = api.openLot(kg, "K3", location, "5", "1.00", null, null);
        Api.Response tooPrecise = api.damage(k3, "1.2345", null);
        assertEquals(422, tooPrecise.status(), tooPrecise.body());
        assertTrue(tooPrecise.body().contains("too many decimals"), tooPrecise.body());
        assertEquals(0, new BigDecimal("5").compareTo(api.quantity(k3)), "nothing was rounded and posted");
    }

    @Test
    void removalsLeaveAtUnitCostAndEmptyingTakesTheRest() {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "THIRDS", location, "3", "0.3333", null, null);
        assertEquals(new BigDecimal("1.00"), api.value(lot), "3 x 0.3333 = 0.9999, in cents 1.00");
        assertEquals(201, api.damage(lot, "1", null).status());
        assertEquals(new BigDecimal("0.67"), api.value(lot), "one unit leaves at 0.33");
        assertEquals(201, api.damage(lot, "2", null).status());
        assertEquals(new BigDecimal("0.00"), api.value(lot), "emptying the lot removes exactly 0.67");
        JsonArray entries = api.ledger(lot);
        assertEquals(new BigDecimal("-0.67"), entries.getJsonObject(2).getJsonNumber("value").bigDecimalValue());
    }

    @Test
    void reversalRestoresQuantityAndValueAndLinks() {
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "REV", location, "10", "2.50", null, null);
        Api.Response damage = api.damage(lot, "4", null);
        long documentId = damage.json().getJsonNumber("id").longValue();

        Api.Response reversal = api.post("/api/v1/adjustments/" + documentId + "/reverse", "");
        assertEquals(201, reversal.status(), reversal.body());
        JsonObject reversalDocument = reversal.json();
        assertEquals(documentId, reversalDocument.getJsonNumber("reverses").longValue());
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)));
        assertEquals(new BigDecimal("25.00"), api.value(lot));
        assertEquals("REVERSED", api.get("/api/v1/adjustments/" + documentId).json().getString("status"));
        assertEquals(3, api.ledger(lot).size(), "entries are appended, never changed");

        Api.Response again = api.post("/api/v1/adjustments/" + documentId + "/reverse", "");
        assertEquals(409, again.status(), "a document is reversed once: " + again.body());
    }

    @Test
    void stockAsOfAPastDate() {
        api.allowBackdating("opening", 60);
        api.allowBackdating("damage", 60);
        LocalDate today = api.today();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "ASOF", location, "100", "1.00", today.minusDays(10), null);
        assertEquals(201, api.damage(lot, "30", today.minusDays(5)).status());

        JsonArray past = api.get("/api/v1/stock?groupBy=product&product=" + sku + "&asOf=" + today.minusDays(7)).array();
        assertEquals(0, new BigDecimal("100").compareTo(past.getJsonObject(0).getJsonNumber("quantity").bigDecimalValue()));
        JsonArray now = api.get("/api/v1/stock?groupBy=product&product=" + sku).array();
        assertEquals(0, new BigDecimal("70").compareTo(now.getJsonObject(0).getJsonNumber("quantity").bigDecimalValue()));
        assertEquals(new BigDecimal("70.00"), now.getJsonObject(0).getJsonNumber("value").bigDecimalValue());
    }

    private static Api.Response[] runTogether(int count, java.util.function.IntFunction<Api.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
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
}
