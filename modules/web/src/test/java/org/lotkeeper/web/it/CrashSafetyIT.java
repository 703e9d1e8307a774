package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the server with SIGKILL while clients post adjustments and restarts it on the same data
 * directory. Every acknowledged document must survive complete, no document may post partly or
 * twice, and each lot's balance must equal the sum of the documents that committed.
 *
 * <p>Four client threads post damage write-offs and openings of 1 to 3 lines on four lots, each
 * request with a new Idempotency-Key. After each restart the test reads the lots' ledgers to find
 * documents that committed although their response was lost in the kill, then sends every
 * unanswered request again with its key: a committed one must come back as the same document,
 * any other must post once.
 *
 * <p>System properties: {@code lotkeeper.crash.kills} sets the number of kill and restart cycles
 * (default 5), {@code lotkeeper.crash.seed} the random seed (printed at the start; it fixes the
 * requests and the time before each kill, not the thread timing), and
 * {@code lotkeeper.crash.javaOpts} the server's JVM options (default
 * {@code -XX:TieredStopAtLevel=1}, which makes Payara start about a third faster).
 *
 * <p>NOTE: SIGKILL ends the process, not the operating system, so data that Derby wrote but did
 * not force to disk still survives. This test does not cover a power loss.
 */
class CrashSafetyIT {

    static final int KILLS = Integer.getInteger("lotkeeper.crash.kills", 5);
    static final String JAVA_OPTIONS = System.getProperty("lotkeeper.crash.javaOpts", "-XX:TieredStopAtLevel=1");

    static final int CLIENTS = 4;
    static final int LOTS = 4;
    static final long OPENING_QUANTITY = 1_000_000;
    /** Shortest and longest time the clients post before a kill, in milliseconds. */
    static final int MIN_LOAD_MILLIS = 300;
    static final int MAX_LOAD_MILLIS = 3000;

    /** A request line: a lot and the signed quantity the line adds to it. */
    record Line(long lotId, long delta) {
    }

    /** One submission as a client sent it. */
    record Request(String key, String type, List<Line> lines, String body) {
    }

    /** What the clients saw in one cycle, between a start and a kill. */
    static final class Load {
        final Queue<Map.Entry<Request, Long>> acknowledged = new ConcurrentLinkedQueue<>();
        final Queue<Request> unanswered = new ConcurrentLinkedQueue<>();
        final Queue<String> rejected = new ConcurrentLinkedQueue<>();
    }

    ScriptServer server;
    long[] lots;
    final Map<Long, Long> expectedQuantity = new HashMap<>();
    final Map<Long, Integer> expectedEntries = new HashMap<>();
    final Set<Long> knownDocuments = new HashSet<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postingsSurviveKilledServer() throws Exception {
        long seed = Long.getLong("lotkeeper.crash.seed", new Random().nextLong());
        System.out.println("CrashSafetyIT: seed " + seed + ", " + KILLS + " kills; replay with -Dlotkeeper.crash.seed="
                + seed);
        Random random = new Random(seed);
        server = new ScriptServer("crash-safety", JAVA_OPTIONS);
        server.start();
        Api api = Api.admin(server.url());
        openLots(api);
        for (int cycle = 1; cycle <= KILLS; cycle++) {
            String context = "seed " + seed + ", cycle " + cycle;
            assertTrue(server.command().endsWith("/java"),
                    context + ": the process that deploy/run started is the JVM, not " + server.command());
            Load load = postUntilKilled(api, random);
            server.start();
            check(api, load, context);
        }
    }

    private void openLots(Api api) {
        String location = api.location();
        String sku = api.product("pcs");
        lots = new long[LOTS];
        for (int i = 0; i < LOTS; i++) {
            lots[i] = api.openLot(sku, "CRASH" + i, location, Long.toString(OPENING_QUANTITY), "1.00", null, null);
            expectedQuantity.put(lots[i], OPENING_QUANTITY);
            expectedEntries.put(lots[i], 1);
            knownDocuments.add(api.ledger(lots[i]).getJsonObject(0).getJsonNumber("documentId").longValue());
        }
    }

    /** Runs the clients for a random time, kills the server, and returns what the clients saw. */
    private Load postUntilKilled(Api api, Random random) throws Exception {
        Load load = new Load();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Random clientRandom = new Random(random.nextLong());
            clients.add(pool.submit(() -> postUntilStopped(api, clientRandom, stop, load)));
        }
        Thread.sleep(MIN_LOAD_MILLIS + random.nextInt(MAX_LOAD_MILLIS - MIN_LOAD_MILLIS));
        server.kill();
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the clients stop after the kill");
        for (Future<?> client : clients) {
            client.get();
        }
        return load;
    }

    private void postUntilStopped(Api api, Random random, AtomicBoolean stop, Load load) {
        while (!stop.get()) {
            Request request = randomRequest(random);
            Api.Response response;
            try {
                response = api.post("/api/v1/adjustments", request.body(), request.key());
            } catch (UncheckedIOException e) {
                // The connection broke or was refused: the request may or may not have committed.
                load.unanswered.add(request);
                continue;
            }
            if (response.status() == 201) {
                load.acknowledged.add(Map.entry(request, response.json().getJsonNumber("id").longValue()));
            } else {
                load.rejected.add(request.key() + ": " + response.status() + " " + response.body());
            }
        }
    }

    /** Returns a damage write-off (three in four) or an opening of 1 to 3 lines of 1 to 5 units. */
    private Request randomRequest(Random random) {
        boolean opening = random.nextInt(4) == 0;
        int lineCount = 1 + random.nextInt(3);
        List<Line> lines = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"type\":\"" + (opening ? "opening" : "damage")
                + "\",\"post\":true,\"lines\":[");
        for (int i = 0; i < lineCount; i++) {
            long lot = lots[random.nextInt(LOTS)];
            int quantity = 1 + random.nextInt(5);
            lines.add(new Line(lot, opening ? quantity : -quantity));
            body.append(i == 0 ? "" : ",").append("{\"lotId\":").append(lot).append(",\"quantity\":").append(quantity)
                    .append(opening ? ",\"unitCost\":\"1.00\"}" : ",\"fields\":{\"reason\":\"BROKEN\"}}");
        }
        body.append("]}");
        String key = "crash-" + new UUID(random.nextLong(), random.nextLong());
        return new Request(key, opening ? "opening" : "damage", lines, body.toString());
    }

    /**
     * Checks the restarted server against what the clients saw before the kill, sends the
     * unanswered requests again and checks the balances.
     */
    private void check(Api api, Load load, String context) {
        assertTrue(load.rejected.isEmpty(), context + ": requests rejected while the server ran: " + load.rejected);
        for (Map.Entry<Request, Long> acknowledged : load.acknowledged) {
            assertPostedAsRequested(api, acknowledged.getValue(), acknowledged.getKey(), context + ", acknowledged");
            remember(acknowledged.getValue(), acknowledged.getKey());
        }

        Map<String, Request> unanswered = new LinkedHashMap<>();
        load.unanswered.forEach(request -> unanswered.put(request.key(), request));
        Map<String, Long> committed = committedUnanswered(api, unanswered, context);
        for (Request request : unanswered.values()) {
            resend(api, request, committed.get(request.key()), context);
        }

        checkBalances(api, context);
        JsonObject verification = api.verification();
        assertTrue(verification.getBoolean("consistent"), context + ": ledger verification " + verification);
        System.out.println("CrashSafetyIT: " + context + ": acknowledged " + load.acknowledged.size()
                + ", committed without answer " + committed.size() + ", not committed "
                + (unanswered.size() - committed.size()) + ", documents so far " + knownDocuments.size());
    }

    /**
     * Returns the documents, by client key, that appear in the lots' ledgers without having been
     * acknowledged. Each must belong to an unanswered request and match it line by line.
     */
    private Map<String, Long> committedUnanswered(Api api, Map<String, Request> unanswered, String context) {
        Map<String, Long> committed = new HashMap<>();
        for (long lot : lots) {
            for (JsonObject entry : api.ledger(lot).getValuesAs(JsonObject.class)) {
                long documentId = entry.getJsonNumber("documentId").longValue();
                if (knownDocuments.contains(documentId) || committed.containsValue(documentId)) {
                    continue;
                }
                JsonObject document = api.get("/api/v1/adjustments/" + documentId).json();
                String key = document.getString("clientKey", null);
                Request request = unanswered.get(key);
                assertNotNull(request, context + ": document " + documentId + " in the ledger of lot " + lot
                        + " has key " + key + ", which no unanswered request used: " + document);
                assertPostedAsRequested(api, documentId, request, context + ", committed without answer");
                committed.put(key, documentId);
            }
        }
        return committed;
    }

    /**
     * Sends an unanswered request again with its key: a committed one must return the same
     * document, any other must post now.
     */
    private void resend(Api api, Request request, Long committedId, String context) {
        Api.Response response = api.post("/api/v1/adjustments", request.body(), request.key());
        long documentId;
        if (committedId != null) {
            assertEquals(200, response.status(), context + ": resending committed " + request.key() + ": "
                    + response.body());
            assertEquals("true", response.header("Idempotency-Replayed"), context + ": replay header");
            documentId = response.json().getJsonNumber("id").longValue();
            assertEquals(committedId.longValue(), documentId, context + ": the resent request names its document");
        } else {
            assertEquals(201, response.status(), context + ": resending uncommitted " + request.key()
                    + " posts it: " + response.body());
            documentId = response.json().getJsonNumber("id").longValue();
        }
        assertPostedAsRequested(api, documentId, request, context + ", resent");
        remember(documentId, request);
    }

    private void remember(long documentId, Request request) {
        assertTrue(knownDocuments.add(documentId), "document " + documentId + " counted twice");
        for (Line line : request.lines()) {
            expectedQuantity.merge(line.lotId(), line.delta(), Long::sum);
            expectedEntries.merge(line.lotId(), 1, Integer::sum);
        }
    }

    private static void assertPostedAsRequested(Api api, long documentId, Request request, String context) {
        Api.Response response = api.get("/api/v1/adjustments/" + documentId);
        assertEquals(200, response.status(), context + ": document " + documentId + ": " + response.body());
        JsonObject document = response.json();
        String prefix = context + ": document " + documentId + " ";
        assertEquals("POSTED", document.getString("status"), prefix + "status");
        assertEquals(request.key(), document.getString("clientKey", null), prefix + "client key");
        assertEquals(request.type(), document.getString("type"), prefix + "type");
        JsonArray entries = document.getJsonArray("entries");
        assertEquals(request.lines().size(), entries.size(), prefix + "entries, one per line: " + entries);
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.getJsonObject(i);
            Line line = request.lines().get(i);
            assertEquals(line.lotId(), entry.getJsonNumber("lotId").longValue(), prefix + "lot of line " + i);
            assertEquals(line.delta(), entry.getJsonNumber("quantity").longValueExact(), prefix + "quantity of line " + i);
            assertEquals(BigDecimal.valueOf(line.delta()).setScale(2), entry.getJsonNumber("value").bigDecimalValue(),
                    prefix + "value of line " + i);
        }
    }

    /** Checks every lot's balance and ledger against the documents known to have committed. */
    private void checkBalances(Api api, String context) {
        for (long lot : lots) {
            long expected = expectedQuantity.get(lot);
            JsonObject balance = api.lot(lot);
            assertEquals(expected, balance.getJsonNumber("quantity").longValueExact(), context + ": quantity of lot " + lot);
            // Every line costs 1.00 per unit, so the value equals the quantity.
            assertEquals(BigDecimal.valueOf(expected).setScale(2), balance.getJsonNumber("value").bigDecimalValue(),
                    context + ": value of lot " + lot);

            JsonArray ledger = api.ledger(lot);
            assertEquals(expectedEntries.get(lot).intValue(), ledger.size(), context + ": entries of lot " + lot);
            for (JsonObject entry : ledger.getValuesAs(JsonObject.class)) {
                long documentId = entry.getJsonNumber("documentId").longValue();
                if (!knownDocuments.contains(documentId)) {
                    fail(context + ": lot " + lot + " has an entry of document " + documentId
                            + ", which no client request created: " + entry);
                }
            }
        }
    }
}
