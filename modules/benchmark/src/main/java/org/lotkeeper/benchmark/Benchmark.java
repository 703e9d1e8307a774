package org.lotkeeper.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.lotkeeper.sandbox.PostgresServer;

/**
 * Runs the benchmark on each chosen database in turn: generates the database, measures the raw
 * JDBC baselines on it, releases it (Derby is shut down), starts Lotkeeper with
 * {@code deploy/run} on the same database and measures the same work through the REST API, and
 * checks the ledger. On Derby it then starts an empty WAR with the same Payara Micro flags for
 * the start-up comparison. On PostgreSQL it then measures the concurrent posters on one, two and
 * three clustered servers ({@link ClusterBenchmark}). A database whose checks fail gets no
 * figures, and the run exits with status 1.
 */
public final class Benchmark {

    private static final int ONE_POSTER_POOL = 100;
    private static final int BUILD_LINES = Layout.COMPONENTS + 1;
    /** Milliseconds the posters of workload 4 run before the stocktake is sent. */
    private static final long STOCKTAKE_LEAD_MILLIS = 3_000;
    /** Milliseconds each poster of workload 4 pauses after a document. */
    private static final long STOCKTAKE_PAUSE_MILLIS = 20;

    private final Options options;
    private final Layout layout;
    private Report report = new Report();
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<String> failures = new ArrayList<>();
    private final String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    private List<DocumentSpec> onePoster;
    private List<List<DocumentSpec>> disjoint;
    private List<List<DocumentSpec>> hot;
    private List<DocumentSpec> twentyOneLines;
    private Set<Long> trackedLots;
    private List<List<Long>> stocktakePosterLots;
    private List<Long> stocktakeLots;
    private long queryLot;
    private LocalDate asOfDate;

    private Benchmark(Options options) {
        this.options = options;
        this.layout = new Layout(options.productCount(), options.lotCount());
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lotkeeper-benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            return;
        }
        System.exit(new Benchmark(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        deleteRecursively(options.work);
        Files.createDirectories(options.work);
        System.setProperty("derby.stream.error.file", options.work.resolve("derby-benchmark.log").toString());
        planWorkloads();

        boolean passed = true;
        Map<String, Report> reports = new LinkedHashMap<>();
        for (String database : options.databases) {
            report = new Report();
            failures.clear();
            describeEnvironment("start");
            boolean clusterPassed = database.equals("derby") ? runOnDerby() : runOnPostgres();
            passed &= clusterPassed;
            if (!failures.isEmpty()) {
                System.err.println("The run on " + database + " FAILED its checks, so it reports no figures:");
                failures.forEach(failure -> System.err.println("  " + failure));
                passed = false;
                continue;
            }
            describeEnvironment("end");
            report.write(options.results, options.label + "-" + database);
            reports.put(database, report);
        }
        if (reports.size() > 1) {
            Report.writeComparison(options.results, options.label, reports);
        }
        return passed;
    }

    /** Runs the workloads on embedded Derby, then the empty WAR, and returns true: Derby has no cluster runs. */
    private boolean runOnDerby() throws Exception {
        Path directory = options.work.resolve("derby");
        Files.createDirectories(directory.resolve("data"));
        Database database = new Database(directory.resolve("data/db"));
        generate(database);
        runBaselines(database);
        runServerWorkloads(directory, database);
        if (failures.isEmpty()) {
            runEmptyWar();
        }
        return true;
    }

    /**
     * Runs the workloads on a private PostgreSQL server, then the cluster runs, and returns
     * whether those passed their checks. Workload 6 records Lotkeeper's start and memory only:
     * the empty WAR runs once, in the Derby series.
     */
    private boolean runOnPostgres() throws Exception {
        Path directory = options.work.resolve("postgresql");
        int port = options.postgresPort != 0 ? options.postgresPort : ServerProcess.freePort();
        PostgresServer server = new PostgresServer(directory.resolve("pg"), port);
        try (server) {
            server.create();
            server.start(List.of());
            report.environment("postgresql settings", String.join(" ", PostgresServer.DURABILITY)
                    + ", listen_addresses=127.0.0.1, port " + port);
            PostgresDatabase database = new PostgresDatabase(server, directory.resolve("db-password"));
            generate(database);
            runBaselines(database);
            runServerWorkloads(directory, database);
        }
        if (!failures.isEmpty() || options.instances == 0) {
            return true;
        }
        ClusterBenchmark cluster = new ClusterBenchmark(options, layout, server, directory, adminPassword,
                onePoster.subList(0, Math.min(onePoster.size(), even(options.warmup))), disjoint, hot, trackedLots);
        return cluster.run();
    }

    private void generate(BenchmarkDatabase database) throws SQLException {
        System.out.printf(Locale.ROOT, "Generating %d products, %d lots, %d ledger entries on %s%n", layout.products,
                layout.lots, options.entryCount(), database.name());
        long start = System.nanoTime();
        int documents = new DataGenerator(layout, options.entryCount(), options.zipf, options.historyDays, options.seed)
                .generate(database);
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            report.environment("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + ", driver " + meta.getDriverVersion());
        }
        database.release();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.addValue("generate: seconds", "jdbc", seconds);
        report.environment("generated", layout.products + " products, " + layout.lots + " lots, "
                + options.entryCount() + " entries, " + documents + " documents, zipf " + options.zipf);
    }

    /** Chooses disjoint lots for every workload and builds the documents both systems send. */
    private void planWorkloads() {
        int threads = options.threads;
        int needed = ONE_POSTER_POOL + threads * Layout.LINES + 1 + threads * (Layout.LINES - 1) + BUILD_LINES;
        List<Long> lots = layout.workloadLots(needed, options.seed);
        int next = 0;

        List<Long> pool = lots.subList(next, next += ONE_POSTER_POOL);
        onePoster = alternating(even(options.warmup + options.documents), i -> {
            int group = (i / 2) % (ONE_POSTER_POOL / Layout.LINES);
            return pool.subList(group * Layout.LINES, (group + 1) * Layout.LINES);
        });

        List<List<Long>> own = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            own.add(lots.subList(next, next += Layout.LINES));
        }
        disjoint = HttpWorkloads.perThread(threads, t -> alternating(even(options.documentsPerThread), i -> own.get(t)));

        long hotLot = lots.get(next++);
        List<List<Long>> hotLines = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Long> lines = new ArrayList<>(lots.subList(next, next += Layout.LINES - 1));
            lines.add(0, hotLot);
            hotLines.add(List.copyOf(lines));
        }
        hot = HttpWorkloads.perThread(threads, t -> alternating(even(options.documentsPerThread), i -> hotLines.get(t)));

        List<Long> wide = lots.subList(next, next + BUILD_LINES);
        twentyOneLines = alternating(even(options.warmup + options.builds), i -> wide);

        trackedLots = new LinkedHashSet<>(lots);
        stocktakePosterLots = own.subList(0, Math.min(options.stocktakePosters, own.size()));
        stocktakeLots = layout.otherLots(trackedLots, options.stocktakeLots, options.seed);
        // A lot of the 22nd most popular product: the first product that is neither the assembly
        // nor one of its components.
        queryLot = layout.lotOf(Layout.COMPONENTS + 2, 0);
        asOfDate = LocalDate.now(zone).minusDays(options.historyDays / 2);
    }

    static int even(int count) {
        return count + count % 2;
    }

    /** Returns {@code count} documents that alternate a write-off and a receipt on the same lots. */
    private static List<DocumentSpec> alternating(int count, java.util.function.IntFunction<List<Long>> lotsOf) {
        List<DocumentSpec> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new DocumentSpec(i % 2 == 0, lotsOf.apply(i)));
        }
        return documents;
    }

    private Instant asOfEnd() {
        return ZonedDateTime.of(asOfDate, LocalTime.of(23, 59, 59), zone).toInstant();
    }

    private JdbcBaseline.AsOfResult baselineAsOfOne;
    private JdbcBaseline.AsOfResult baselinePrimaryKey;
    private JdbcBaseline.AsOfResult baselineAsOfAll;
    private Report.Measurement baselineOnePoster;

    /** Measures the JDBC baselines (on Derby on a freshly booted database), then releases it for the server. */
    private void runBaselines(BenchmarkDatabase database) throws SQLException {
        System.out.println("Running the JDBC baselines on " + database.name());
        JdbcBaseline baseline = new JdbcBaseline(database);

        baselineOnePoster = report.add("1 one poster, 10-line documents", "jdbc",
                baseline.postOneByOne(onePoster, options.warmup));
        baselinePrimaryKey = baseline.primaryKeyRead(queryLot, options.warmup, options.queries);
        report.add("3 primary-key read of one lot", "jdbc", baselinePrimaryKey.latencies());
        baselineAsOfOne = baseline.asOfOneLot(queryLot, asOfEnd(), options.warmup, options.queries);
        report.add("3 as-of stock of one lot", "jdbc", baselineAsOfOne.latencies());
        baselineAsOfAll = baseline.asOfAllLots(asOfEnd(), 1, options.allLotsQueries);
        report.add("3 as-of stock of all lots", "jdbc", baselineAsOfAll.latencies());

        database.release();
    }

    /** Starts Lotkeeper on the database with {@code directory/data} as its data directory and runs workloads 1 to 5. */
    private void runServerWorkloads(Path directory, BenchmarkDatabase database) throws Exception {
        int port = options.port != 0 ? options.port : ServerProcess.freePort();
        Path log = directory.resolve("lotkeeper-server.log");
        Path war = directory.resolve("war");
        ServerProcess.writeBenchmarkWar(options.repository, war);
        System.out.println("Starting Lotkeeper on " + database.name() + " with deploy/run on port " + port + "; log "
                + log);
        try (ServerProcess server = ServerProcess.lotkeeper(options.repository, war, directory.resolve("data"), port,
                adminPassword, options.serverJavaOpts, log, database.serverArguments(), List.of())) {
            server.awaitFirstPage(port, "/health");
            report.addValue("6 start to first page via deploy/run", "lotkeeper", server.secondsToFirstPage());
            report.addValue("6 start to first page from java", "lotkeeper", server.secondsFromJavaToFirstPage());
            report.addValue("6 resident memory MiB after start", "lotkeeper", server.residentMebibytes());
            lotkeeperStart = server.secondsFromJavaToFirstPage();
            lotkeeperRss = server.residentMebibytes();

            ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"), "admin", adminPassword);
            HttpWorkloads http = new HttpWorkloads(api, layout);
            Map<Long, BigDecimal> before = http.quantities(trackedLots);

            postingWorkloads(http);
            queryWorkloads(http);
            stocktakeWorkload(http);
            buildWorkloads(http);
            report.addValue("6 resident memory MiB after workloads", "lotkeeper", server.residentMebibytes());
            verify(http, before);
        }
    }

    private double lotkeeperStart;
    private double lotkeeperRss;

    private void postingWorkloads(HttpWorkloads http) throws InterruptedException {
        HttpWorkloads.PostingOutcome one = http.postOneByOne(onePoster, options.warmup);
        Report.Measurement single = add("1 one poster, 10-line documents", "lotkeeper-http", one);
        report.target("1 HTTP throughput / JDBC", single.throughput() / baselineOnePoster.throughput(), 0.35, true,
                "documents per second, one poster");

        HttpWorkloads.PostingOutcome inProcess = http.postInProcess(onePoster, options.warmup);
        Report.Measurement service = add("1 one poster, 10-line documents", "lotkeeper-service", inProcess);
        report.target("1 service layer throughput / JDBC", service.throughput() / baselineOnePoster.throughput(), 0.5,
                true, "documents per second, one poster, AdjustmentService.submit timed inside the server");

        HttpWorkloads.PostingOutcome spread = http.postConcurrently(disjoint);
        Report.Measurement disjointRun = add("2 " + options.threads + " posters, disjoint lots", "lotkeeper-http", spread);
        report.ratio("2 disjoint posters / one poster", disjointRun.throughput() / single.throughput(),
                "documents per second");

        HttpWorkloads.PostingOutcome contended = http.postConcurrently(hot);
        Report.Measurement hotRun = add("2 " + options.threads + " posters, one hot lot", "lotkeeper-http", contended);
        report.target("2 hot lot / one poster", hotRun.throughput() / single.throughput(), 0.5, true,
                "documents per second; each document has the hot lot and 9 lots of its poster");
        report.target("2 deadlocks and 409s on the hot lot", contended.conflicts.get() + contended.deadlocks.get(), 0,
                false, "count over " + hotRun.operations() + " documents");
    }

    private Report.Measurement add(String workload, String system, HttpWorkloads.PostingOutcome outcome) {
        if (!outcome.firstErrors.isEmpty()) {
            System.out.println("  rejected requests of " + workload + ": " + outcome.firstErrors);
        }
        return report.add(workload, system, outcome.latencies, outcome.errors(), outcome.conflicts.get(),
                outcome.deadlocks.get());
    }

    private void queryWorkloads(HttpWorkloads http) {
        String oneLot = "api/v1/stock?groupBy=lot&asOf=" + asOfDate + "&product=" + Layout.sku(layout.productOf(queryLot))
                + "&location=" + Layout.locationCode(layout.locationOf(queryLot));
        HttpWorkloads.ReadOutcome asOfOne = http.read(oneLot, options.warmup, options.queries);
        Report.Measurement asOfOneRun = report.add("3 as-of stock of one lot", "lotkeeper-http", asOfOne.latencies());
        checkAsOfRow(asOfOne.lastBody());

        HttpWorkloads.ReadOutcome byId = http.read("api/v1/lots/" + queryLot, options.warmup, options.queries);
        Report.Measurement byIdRun = report.add("3 primary-key read of one lot", "lotkeeper-http", byId.latencies());

        HttpWorkloads.ReadOutcome all = http.read("api/v1/stock?groupBy=lot&asOf=" + asOfDate, 1, options.allLotsQueries);
        Report.Measurement allRun = report.add("3 as-of stock of all lots", "lotkeeper-http", all.latencies());
        int rows = new ApiClient.Response(200, all.lastBody()).json(JsonArray.class).size();
        if (rows != baselineAsOfAll.rows()) {
            failures.add("as-of stock of all lots: the API returned " + rows + " rows, JDBC computed "
                    + baselineAsOfAll.rows());
        }

        double jdbcPrimaryKey = baselinePrimaryKey.latencies().percentileMillis(0.5);
        report.target("3 as-of one lot (HTTP) / primary-key read (JDBC)",
                asOfOneRun.p50Millis() / jdbcPrimaryKey, 10, false, "p50 latency");
        report.target("3 as-of one lot (HTTP) / primary-key read (HTTP)",
                asOfOneRun.p50Millis() / byIdRun.p50Millis(), 10, false, "p50 latency, GET /api/v1/lots/{id}");
        report.ratio("3 as-of all lots (HTTP) / JDBC", allRun.p50Millis()
                / baselineAsOfAll.latencies().percentileMillis(0.5), "p50 latency");
        report.ratio("3 as-of one lot (HTTP) / as-of one lot (JDBC)", asOfOneRun.p50Millis()
                / baselineAsOfOne.latencies().percentileMillis(0.5), "p50 latency");
    }

    /**
     * Posts one stocktake of many lots while other posters continue on their own lots, and
     * reports how long their postings took before and during it. A posting that waited on a lock
     * the stocktake held shows as a long latency during it.
     */
    private void stocktakeWorkload(HttpWorkloads http) throws InterruptedException {
        if (options.threads < options.stocktakePosters) {
            System.out.println("  workload 4 uses " + stocktakePosterLots.size() + " posters, at most --threads");
        }
        HttpWorkloads.StocktakeOutcome outcome = http.stocktakeWhilePosting(stocktakeLots, stocktakePosterLots,
                STOCKTAKE_LEAD_MILLIS, STOCKTAKE_PAUSE_MILLIS);
        Latencies stocktake = new Latencies();
        stocktake.add(outcome.stocktakeNanos());
        stocktake.setWallNanos(outcome.stocktakeNanos());
        String name = "4 stocktake of " + stocktakeLots.size() + " lots, one document";
        report.add(name, "lotkeeper-http", stocktake);
        report.environment("stocktake", stocktakeLots.size() + " lots counted, " + outcome.entries() + " entries, "
                + stocktakePosterLots.size() + " posters on other lots, pausing " + STOCKTAKE_PAUSE_MILLIS
                + " ms after each document");
        add("4 postings before the stocktake", "lotkeeper-http",
                posterOutcome(outcome.before(), new HttpWorkloads.PostingOutcome()));
        add("4 postings during the stocktake", "lotkeeper-http", posterOutcome(outcome.during(), outcome.posters()));
        report.ratio("4 max posting latency before the stocktake, ms", outcome.before().percentileMillis(1.0),
                "slowest posting that ended before the stocktake was sent");
        report.ratio("4 p99 posting latency during the stocktake, ms", outcome.during().percentileMillis(0.99),
                "postings that overlapped the stocktake in time");
        report.target("4 max posting latency during the stocktake, ms", outcome.during().percentileMillis(1.0), 1000,
                false, "slowest posting that overlapped the stocktake; over " + outcome.during().count() + " postings");
        // A rejected posting has no latency, so a posting turned away after a long lock wait (a 504
        // when a type's call runs out of time) counts here instead.
        HttpWorkloads.PostingOutcome posters = outcome.posters();
        report.target("4 postings rejected in workload 4", posters.conflicts.get() + posters.deadlocks.get()
                + posters.otherErrors.get(), 0, false, "409, deadlock and other error responses of the posters");
    }

    /** Returns an outcome with these latencies and the rejection counts of {@code all}. */
    private static HttpWorkloads.PostingOutcome posterOutcome(Latencies latencies, HttpWorkloads.PostingOutcome all) {
        HttpWorkloads.PostingOutcome outcome = new HttpWorkloads.PostingOutcome();
        outcome.latencies.addAll(latencies);
        outcome.latencies.setWallNanos(latencies.wallSeconds() > 0 ? (long) (latencies.wallSeconds() * 1e9) : 0);
        outcome.conflicts.set(all.conflicts.get());
        outcome.deadlocks.set(all.deadlocks.get());
        outcome.otherErrors.set(all.otherErrors.get());
        outcome.firstErrors.putAll(all.firstErrors);
        return outcome;
    }

    private void checkAsOfRow(String body) {
        JsonArray rows = new ApiClient.Response(200, body).json(JsonArray.class);
        if (rows.size() != 1) {
            failures.add("as-of stock of lot " + queryLot + ": expected 1 row, got " + rows.size());
            return;
        }
        BigDecimal quantity = rows.getJsonObject(0).getJsonNumber("quantity").bigDecimalValue();
        if (quantity.compareTo(baselineAsOfOne.quantity()) != 0) {
            failures.add("as-of stock of lot " + queryLot + " on " + asOfDate + ": the API returned " + quantity
                    + ", JDBC computed " + baselineAsOfOne.quantity());
        }
    }

    private void buildWorkloads(HttpWorkloads http) {
        HttpWorkloads.PostingOutcome builds = http.build(Layout.sku(Layout.ASSEMBLY), Layout.locationCode(1),
                options.warmup, options.builds);
        Report.Measurement buildRun = add("5 assembly build, 20 components", "lotkeeper-http", builds);
        HttpWorkloads.PostingOutcome wide = http.postOneByOne(twentyOneLines, options.warmup);
        Report.Measurement wideRun = add("5 21-line adjustment", "lotkeeper-http", wide);
        report.target("5 build / 21-line adjustment", buildRun.p50Millis() / wideRun.p50Millis(), 3, false,
                "p50 latency");
    }

    /** Checks balances, acknowledged documents and the server's ledger verification. */
    private void verify(HttpWorkloads http, Map<Long, BigDecimal> before) {
        List<String> lost = http.lostUpdates(before, trackedLots);
        failures.addAll(lost);
        report.target("2 lost updates", lost.size(), 0, false, "lots whose final quantity differs from the"
                + " acknowledged documents, over " + trackedLots.size() + " lots");

        List<String> missing = http.missingDocuments();
        failures.addAll(missing);
        System.out.println("Checked " + http.acknowledged().size() + " acknowledged documents: " + missing.size()
                + " missing or incomplete");

        JsonObject verification = http.verification();
        System.out.println("Ledger verification: " + HttpWorkloads.abbreviate(verification.toString()));
        if (!verification.getBoolean("consistent")) {
            failures.add("ledger verification is not consistent: " + HttpWorkloads.abbreviate(verification.toString()));
        }
        report.environment("ledger after run", verification.getJsonNumber("lots") + " lots, "
                + verification.getJsonNumber("entries") + " entries, consistent " + verification.getBoolean("consistent"));
    }

    private void runEmptyWar() throws Exception {
        Path war = options.work.resolve("empty-war");
        ServerProcess.writeEmptyWar(war);
        int port = options.port != 0 ? options.port : ServerProcess.freePort();
        Path log = options.work.resolve("empty-war-server.log");
        System.out.println("Starting Payara Micro with an empty WAR on port " + port + "; log " + log);
        try (ServerProcess server = ServerProcess.emptyWar(options.repository, war, options.work.resolve("empty-payara"),
                port, log)) {
            server.awaitFirstPage(port, "/index.html");
            double start = server.secondsToFirstPage();
            double rss = server.residentMebibytes();
            report.addValue("6 start to first page from java", "empty-war", start);
            report.addValue("6 resident memory MiB after start", "empty-war", rss);
            report.target("6 start / empty WAR", lotkeeperStart / start, 1.3, false,
                    "seconds from the JVM's start to the first page with status 200");
            report.target("6 resident memory / empty WAR", lotkeeperRss / rss, 1.3, false,
                    "VmRSS after the first page");
        }
    }

    private void describeEnvironment(String when) throws IOException {
        report.environment("load average at " + when, Files.readString(Path.of("/proc/loadavg")).strip());
        if (!when.equals("start")) {
            return;
        }
        report.environment("run started", Instant.now().toString());
        report.environment("arguments", options.arguments);
        report.environment("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            lines.filter(line -> line.startsWith("model name")).findFirst()
                    .ifPresent(line -> report.environment("cpu", line.substring(line.indexOf(':') + 1).strip()));
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            lines.filter(line -> line.startsWith("MemTotal")).findFirst()
                    .ifPresent(line -> report.environment("memory", line.substring(line.indexOf(':') + 1).strip()));
        }
        report.environment("benchmark java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.environment("options", "documents " + options.documents + ", warmup " + options.warmup + ", threads "
                + options.threads + ", documents per thread " + options.documentsPerThread + ", queries "
                + options.queries + ", all-lots queries " + options.allLotsQueries + ", builds " + options.builds);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
