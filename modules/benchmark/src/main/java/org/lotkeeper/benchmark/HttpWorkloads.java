package org.lotkeeper.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The workloads sent to a running Lotkeeper through its REST API. Every document that the server
 * acknowledges with 201 is remembered with its line count, so that the run can check afterwards
 * that each one was stored and posted in full. With several servers of one cluster, the posters
 * of {@link #postConcurrently} are spread round-robin over them, and everything else goes to the
 * first.
 */
final class HttpWorkloads {

    /** Outcome of posting a batch of documents: latencies of acknowledged ones and counts of the rest. */
    static final class PostingOutcome {
        final Latencies latencies = new Latencies();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger deadlocks = new AtomicInteger();
        final AtomicInteger otherErrors = new AtomicInteger();
        final Map<String, Integer> firstErrors = new ConcurrentHashMap<>();

        int errors() {
            return conflicts.get() + otherErrors.get();
        }

        void reject(ApiClient.Response response) {
            if (response.status() == 409) {
                conflicts.incrementAndGet();
            } else {
                otherErrors.incrementAndGet();
            }
            if (response.body().toLowerCase(Locale.ROOT).contains("deadlock")) {
                deadlocks.incrementAndGet();
            }
            if (firstErrors.size() < 5) {
                firstErrors.merge(response.status() + " " + abbreviate(response.body()), 1, Integer::sum);
            }
        }
    }

    /** The result of a read: the latencies and the last response body. */
    record ReadOutcome(Latencies latencies, String lastBody) {
    }

    private final List<ApiClient> servers;
    private final ApiClient api;
    private final Layout layout;
    private final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, Long> expectedDeltas = new ConcurrentHashMap<>();

    HttpWorkloads(ApiClient api, Layout layout) {
        this(List.of(api), layout);
    }

    /** Sends the workloads to {@code servers}, which share one database. */
    HttpWorkloads(List<ApiClient> servers, Layout layout) {
        this.servers = List.copyOf(servers);
        this.api = servers.get(0);
        this.layout = layout;
    }

    /** Documents acknowledged with 201 so far, by id, with their number of ledger entries. */
    Map<Long, Integer> acknowledged() {
        return acknowledged;
    }

    /** Posts the documents one after another over HTTP, timing all but the first {@code warmup}. */
    PostingOutcome postOneByOne(List<DocumentSpec> documents, int warmup) {
        PostingOutcome outcome = new PostingOutcome();
        long measuredFrom = System.nanoTime();
        for (int i = 0; i < documents.size(); i++) {
            if (i == warmup) {
                measuredFrom = System.nanoTime();
            }
            post(api, documents.get(i), outcome, i >= warmup);
        }
        outcome.latencies.setWallNanos(System.nanoTime() - measuredFrom);
        return outcome;
    }

    /**
     * Runs one poster thread per list, all starting together, and times the whole batch from the
     * start signal until the last thread ends. Thread {@code t} posts to server {@code t} modulo
     * the number of servers.
     */
    PostingOutcome postConcurrently(List<List<DocumentSpec>> perThread) throws InterruptedException {
        PostingOutcome outcome = new PostingOutcome();
        CountDownLatch ready = new CountDownLatch(perThread.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < perThread.size(); t++) {
            List<DocumentSpec> documents = perThread.get(t);
            ApiClient server = servers.get(t % servers.size());
            threads.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                documents.forEach(document -> post(server, document, outcome, true));
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        outcome.latencies.setWallNanos(System.nanoTime() - start);
        return outcome;
    }

    /**
     * Posts the documents one after another through the benchmark's probe servlet, which calls
     * the posting service inside the server and times each call there. One HTTP request carries
     * all documents, so neither HTTP nor JSON is part of a timed call.
     */
    PostingOutcome postInProcess(List<DocumentSpec> documents, int warmup) {
        JsonArrayBuilder bodies = ApiClient.JSON.createArrayBuilder();
        documents.forEach(spec -> bodies.add(document(spec)));
        String request = ApiClient.JSON.createObjectBuilder().add("warmup", warmup).add("documents", bodies).build()
                .toString();
        ApiClient.Response response = api.post("api/benchmark/service-layer", request, null);
        if (response.status() != 200) {
            throw new IllegalStateException("The service-layer probe returned " + response.status() + ": "
                    + abbreviate(response.body()));
        }
        JsonObject result = response.json(JsonObject.class);
        PostingOutcome outcome = new PostingOutcome();
        result.getJsonArray("nanos").getValuesAs(jakarta.json.JsonNumber.class)
                .forEach(nanos -> outcome.latencies.add(nanos.longValue()));
        outcome.latencies.setWallNanos(result.getJsonNumber("wallNanos").longValue());
        List<JsonObject> posted = result.getJsonArray("documents").getValuesAs(JsonObject.class);
        for (int i = 0; i < posted.size(); i++) {
            acknowledged.put(posted.get(i).getJsonNumber("id").longValue(), posted.get(i).getInt("entries"));
            DocumentSpec spec = documents.get(i);
            for (long lot : spec.lots()) {
                expectedDeltas.merge(lot, (long) spec.delta(), Long::sum);
            }
        }
        return outcome;
    }

    private void post(ApiClient server, DocumentSpec spec, PostingOutcome outcome, boolean measured) {
        long start = System.nanoTime();
        ApiClient.Response response = server.post("api/v1/adjustments", body(spec), UUID.randomUUID().toString());
        long elapsed = System.nanoTime() - start;
        if (response.status() != 201) {
            outcome.reject(response);
            return;
        }
        if (measured) {
            outcome.latencies.add(elapsed);
        }
        acknowledge(response, spec.lots().size());
        for (long lot : spec.lots()) {
            expectedDeltas.merge(lot, (long) spec.delta(), Long::sum);
        }
    }

    private void acknowledge(ApiClient.Response response, int entries) {
        acknowledged.put(response.json(JsonObject.class).getJsonNumber("id").longValue(), entries);
    }

    private String body(DocumentSpec spec) {
        return document(spec).build().toString();
    }

    private jakarta.json.JsonObjectBuilder document(DocumentSpec spec) {
        JsonArrayBuilder lines = ApiClient.JSON.createArrayBuilder();
        for (long lot : spec.lots()) {
            if (spec.damage()) {
                lines.add(ApiClient.JSON.createObjectBuilder().add("lotId", lot).add("quantity", "1")
                        .add("fields", ApiClient.JSON.createObjectBuilder().add("reason", "BROKEN")));
            } else {
                lines.add(ApiClient.JSON.createObjectBuilder().add("lotId", lot).add("quantity", "1")
                        .add("unitCost", Layout.unitCost(layout.productOf(lot)).toPlainString()));
            }
        }
        return ApiClient.JSON.createObjectBuilder().add("type", spec.type()).add("post", true).add("lines", lines);
    }

    /**
     * Outcome of workload 4.
     *
     * @param stocktakeNanos time from sending the stocktake to its response
     * @param entries        ledger entries the stocktake wrote
     * @param before         postings that ended before the stocktake was sent
     * @param during         postings that overlapped the stocktake, in time
     * @param posters        every posting of the posters, with rejections counted
     */
    record StocktakeOutcome(long stocktakeNanos, int entries, Latencies before, Latencies during,
                            PostingOutcome posters) {
    }

    /**
     * Posts one stocktake document that counts every lot of {@code countedLots} one unit above a
     * stated snapshot of 100, while one poster thread per list of {@code posterLots} keeps
     * posting 10-line documents on its own lots, pausing {@code pauseMillis} after each. The
     * pauses leave moments in which no posting holds a lock, as between the postings of real
     * users. Only in such a moment can Derby turn the stocktake's row locks into table locks.
     * The posters start {@code leadMillis} before the stocktake, so that their latencies before
     * it serve as a comparison, and stop when it has been answered.
     */
    StocktakeOutcome stocktakeWhilePosting(List<Long> countedLots, List<List<Long>> posterLots, long leadMillis,
                                           long pauseMillis) throws InterruptedException {
        String stocktake = stocktakeBody(countedLots);
        PostingOutcome posters = new PostingOutcome();
        Latencies before = new Latencies();
        Latencies during = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        long[] window = {Long.MAX_VALUE, Long.MAX_VALUE};

        List<Thread> threads = new ArrayList<>();
        for (List<Long> lots : posterLots) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    long start = System.nanoTime();
                    boolean acknowledged = postTimed(new DocumentSpec(i % 2 == 0, lots), posters);
                    long end = System.nanoTime();
                    if (acknowledged) {
                        synchronized (window) {
                            if (end < window[0]) {
                                before.add(end - start);
                            } else if (start < window[1]) {
                                during.add(end - start);
                            }
                        }
                    }
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }

        Thread.sleep(leadMillis);
        long sent = System.nanoTime();
        synchronized (window) {
            window[0] = sent;
        }
        ApiClient.Response response = api.post("api/v1/adjustments", stocktake, UUID.randomUUID().toString());
        long answered = System.nanoTime();
        synchronized (window) {
            window[1] = answered;
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (response.status() != 201) {
            throw new IllegalStateException("The stocktake of " + countedLots.size() + " lots returned "
                    + response.status() + ": " + abbreviate(response.body()));
        }
        int entries = response.json(JsonObject.class).getJsonArray("entries").size();
        acknowledge(response, entries);
        during.setWallNanos(answered - sent);
        return new StocktakeOutcome(answered - sent, entries, before, during, posters);
    }

    private static String stocktakeBody(List<Long> countedLots) {
        JsonArrayBuilder lines = ApiClient.JSON.createArrayBuilder();
        for (long lot : countedLots) {
            lines.add(ApiClient.JSON.createObjectBuilder().add("lotId", lot)
                    .add("fields", ApiClient.JSON.createObjectBuilder().add("snapshot", "100").add("counted", "101")));
        }
        return ApiClient.JSON.createObjectBuilder().add("type", "stocktake").add("post", true).add("lines", lines)
                .build().toString();
    }

    /** Posts one document, records its deltas when acknowledged, and returns whether it was. */
    private boolean postTimed(DocumentSpec spec, PostingOutcome outcome) {
        ApiClient.Response response = api.post("api/v1/adjustments", body(spec), UUID.randomUUID().toString());
        if (response.status() != 201) {
            outcome.reject(response);
            return false;
        }
        acknowledge(response, spec.lots().size());
        for (long lot : spec.lots()) {
            expectedDeltas.merge(lot, (long) spec.delta(), Long::sum);
        }
        return true;
    }

    /** Builds one unit of the assembly per request, timing all but the first {@code warmup}. */
    PostingOutcome build(String assemblySku, String outputLocation, int warmup, int count) {
        PostingOutcome outcome = new PostingOutcome();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long measuredFrom = System.nanoTime();
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup) {
                measuredFrom = System.nanoTime();
            }
            String body = ApiClient.JSON.createObjectBuilder().add("type", "assembly-build").add("post", true)
                    .add("fields", ApiClient.JSON.createObjectBuilder().add("assembly", assemblySku).add("quantity", "1")
                            .add("outputLot", "B-" + run + "-" + i).add("outputLocation", outputLocation))
                    .build().toString();
            long start = System.nanoTime();
            ApiClient.Response response = api.post("api/v1/adjustments", body, UUID.randomUUID().toString());
            long elapsed = System.nanoTime() - start;
            if (response.status() != 201) {
                outcome.reject(response);
                continue;
            }
            if (i >= warmup) {
                outcome.latencies.add(elapsed);
            }
            acknowledge(response, Layout.COMPONENTS + 1);
        }
        outcome.latencies.setWallNanos(System.nanoTime() - measuredFrom);
        return outcome;
    }

    /** Sends {@code warmup + count} GET requests to {@code path} and times all but the warm-up. */
    ReadOutcome read(String path, int warmup, int count) {
        Latencies latencies = new Latencies();
        String body = null;
        long measuredFrom = System.nanoTime();
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup) {
                measuredFrom = System.nanoTime();
            }
            long start = System.nanoTime();
            ApiClient.Response response = api.get(path);
            long elapsed = System.nanoTime() - start;
            if (response.status() != 200) {
                throw new IllegalStateException("GET " + path + " returned " + response.status() + ": "
                        + abbreviate(response.body()));
            }
            if (i >= warmup) {
                latencies.add(elapsed);
            }
            body = response.body();
        }
        latencies.setWallNanos(System.nanoTime() - measuredFrom);
        return new ReadOutcome(latencies, body);
    }

    JsonObject lot(long lotId) {
        ApiClient.Response response = api.get("api/v1/lots/" + lotId);
        if (response.status() != 200) {
            throw new IllegalStateException("GET lot " + lotId + " returned " + response.status() + ": "
                    + abbreviate(response.body()));
        }
        return response.json(JsonObject.class);
    }

    /** Reads the current quantity of each lot. */
    Map<Long, BigDecimal> quantities(Iterable<Long> lotIds) {
        Map<Long, BigDecimal> quantities = new HashMap<>();
        for (long lotId : lotIds) {
            quantities.put(lotId, lot(lotId).getJsonNumber("quantity").bigDecimalValue());
        }
        return quantities;
    }

    /**
     * Reads the lots' quantities again and returns a description of every lot whose quantity is not
     * its quantity {@code before} plus the acknowledged documents' changes: a lost update. The list
     * is empty when none was lost.
     */
    List<String> lostUpdates(Map<Long, BigDecimal> before, Collection<Long> lotIds) {
        Map<Long, BigDecimal> after = quantities(lotIds);
        List<String> lost = new ArrayList<>();
        for (long lot : lotIds) {
            BigDecimal expected = before.get(lot).add(BigDecimal.valueOf(expectedDeltas.getOrDefault(lot, 0L)));
            if (expected.compareTo(after.get(lot)) != 0) {
                lost.add("lot " + lot + ": quantity " + after.get(lot) + ", expected " + expected);
            }
        }
        return lost;
    }

    /**
     * Returns a description of every acknowledged document that is missing, not posted, or has
     * another number of ledger entries than lines sent. The list is empty when all are present.
     */
    List<String> missingDocuments() {
        List<String> problems = new ArrayList<>();
        acknowledged.forEach((id, entries) -> {
            ApiClient.Response response = api.get("api/v1/adjustments/" + id);
            if (response.status() != 200) {
                problems.add("document " + id + ": GET returned " + response.status());
                return;
            }
            JsonObject document = response.json(JsonObject.class);
            JsonArray posted = document.getJsonArray("entries");
            if (!"POSTED".equals(document.getString("status")) || posted.size() != entries) {
                problems.add("document " + id + ": status " + document.getString("status") + ", " + posted.size()
                        + " entries, expected POSTED with " + entries);
            }
        });
        return problems;
    }

    /** Returns the server's ledger verification report. */
    JsonObject verification() {
        ApiClient.Response response = api.get("api/v1/ledger/verification");
        if (response.status() != 200) {
            throw new IllegalStateException("Ledger verification returned " + response.status() + ": "
                    + abbreviate(response.body()));
        }
        return response.json(JsonObject.class);
    }

    LocalDate today() {
        return LocalDate.parse(api.get("api/v1/calendar").json(JsonObject.class).getString("today"));
    }

    /** Creates per-thread document lists with {@code perThread.apply(t)} for t in 0..threads-1. */
    static List<List<DocumentSpec>> perThread(int threads, IntFunction<List<DocumentSpec>> perThread) {
        List<List<DocumentSpec>> lists = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            lists.add(perThread.apply(t));
        }
        return lists;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
