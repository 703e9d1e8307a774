package org.lotkeeper.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.lotkeeper.core.schema.SchemaMigrator;

/**
 * Runs only workload 6 of the benchmark, several times: Lotkeeper through {@code deploy/run}
 * against Payara Micro serving an empty WAR with the same flags, heap, Derby libraries and
 * pre-boot file. The two servers start in turn, and the order alternates from one round to the
 * next, so that a change in the machine's load hits both. Prints each start and the medians.
 *
 * <p>Every Lotkeeper start gets a fresh copy of a database that contains the schema and no user,
 * like the benchmark's generated database. So each start checks the migrations and creates the
 * first admin, whose password hash is part of the measured time.
 */
public final class StartupBenchmark {

    private static final String USAGE = """
            Usage: java -cp lotkeeper-benchmark.jar org.lotkeeper.benchmark.StartupBenchmark [OPTIONS]

            Starts Lotkeeper and Payara Micro with an empty WAR in turn, and prints the seconds from
            the JVM's start to the first page with status 200 (/health for Lotkeeper, /index.html
            for the empty WAR), the processor time the JVM used until then, and the resident
            memory (VmRSS) right after it.

              --rounds N        Starts of each server. Default: 5.
              --port N          HTTP port of Lotkeeper on loopback; the empty WAR uses N+1.
                                Default: 8300.
              --java-opts OPTS  Extra JVM options for both servers, split on whitespace. Default: none.
              --repository DIR  Lotkeeper checkout that holds deploy/run. Default: the current directory.
              --work DIR        Directory for the databases and server logs; emptied at the start.
                                Default: modules/benchmark/target/startup-work.
              --results FILE    CSV file for the figures of every start. Default: none.
            """;

    /** One start of one server. */
    record Start(int round, String system, double seconds, double processorSeconds, double residentMebibytes,
                 String loadAverage) {
    }

    private final int rounds;
    private final int port;
    private final String javaOpts;
    private final Path repository;
    private final Path work;
    private final Path results;
    private final List<Start> starts = new ArrayList<>();

    private StartupBenchmark(int rounds, int port, String javaOpts, Path repository, Path work, Path results) {
        this.rounds = rounds;
        this.port = port;
        this.javaOpts = javaOpts;
        this.repository = repository;
        this.work = work;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int port = 8300;
        String javaOpts = "";
        Path repository = Path.of("").toAbsolutePath();
        Path work = null;
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("option " + option + " needs a value.");
            }
            String value = args[++i];
            switch (option) {
                case "--rounds" -> rounds = integer(option, value);
                case "--port" -> port = integer(option, value);
                case "--java-opts" -> javaOpts = value;
                case "--repository" -> repository = Path.of(value).toAbsolutePath().normalize();
                case "--work" -> work = Path.of(value).toAbsolutePath().normalize();
                case "--results" -> results = Path.of(value).toAbsolutePath().normalize();
                default -> fail("unknown option '" + option + "'. See --help.");
            }
        }
        if (rounds < 1 || port < 1 || port > 65534) {
            fail("invalid --rounds " + rounds + " or --port " + port + ": expected 1 or more rounds and a port below 65535.");
        }
        if (!Files.isExecutable(repository.resolve("deploy/run"))) {
            fail("no executable deploy/run in " + repository + "; run from the checkout or give --repository.");
        }
        if (work == null) {
            work = repository.resolve("modules/benchmark/target/startup-work");
        }
        new StartupBenchmark(rounds, port, javaOpts, repository, work, results).run();
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("invalid " + option + " '" + value + "': expected a whole number.");
            return 0;
        }
    }

    private static void fail(String message) {
        System.err.println("startup-benchmark: " + message);
        System.exit(2);
    }

    private void run() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby-template.log").toString());
        Path templateDb = work.resolve("template-db");
        createSchemaOnlyDatabase(templateDb);
        Path lotkeeperWar = work.resolve("lotkeeper-war");
        ServerProcess.writeBenchmarkWar(repository, lotkeeperWar);
        Path emptyWar = work.resolve("empty-war");
        ServerProcess.writeEmptyWar(emptyWar);

        System.out.println("Start-up comparison, " + rounds + " rounds, load average " + loadAverage()
                + ", JVM options for both: " + (javaOpts.isBlank() ? "none" : javaOpts));
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                startLotkeeper(round, templateDb, lotkeeperWar);
                startEmptyWar(round, emptyWar);
            } else {
                startEmptyWar(round, emptyWar);
                startLotkeeper(round, templateDb, lotkeeperWar);
            }
        }
        summarize();
        if (results != null) {
            writeCsv();
        }
    }

    private static void createSchemaOnlyDatabase(Path directory) {
        Database database = new Database(directory);
        new SchemaMigrator(database.dataSource()).migrate();
        database.shutdown();
    }

    private void startLotkeeper(int round, Path templateDb, Path war) throws Exception {
        Path dataDir = work.resolve("lotkeeper-" + round);
        copyRecursively(templateDb, dataDir.resolve("db"));
        Path log = work.resolve("lotkeeper-" + round + ".log");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (ServerProcess server = ServerProcess.lotkeeper(repository, war, dataDir, port, password, javaOpts, log)) {
            server.awaitFirstPage(port, "/health");
            record(round, "lotkeeper", server.secondsFromJavaToFirstPage(), server);
        }
    }

    private void startEmptyWar(int round, Path war) throws Exception {
        Path log = work.resolve("empty-war-" + round + ".log");
        try (ServerProcess server = ServerProcess.emptyWar(repository, war, work.resolve("empty-payara-" + round),
                port + 1, javaOpts, log)) {
            server.awaitFirstPage(port + 1, "/index.html");
            record(round, "empty-war", server.secondsToFirstPage(), server);
        }
    }

    private void record(int round, String system, double seconds, ServerProcess server) throws IOException {
        Start start = new Start(round, system, seconds, server.processorSeconds(), server.residentMebibytes(),
                loadAverage());
        starts.add(start);
        System.out.printf(Locale.ROOT, "%s round %d %-10s %7.2f s %7.2f processor s %7.1f MiB  load %s%n",
                Instant.now(), round, system, seconds, start.processorSeconds(), start.residentMebibytes(),
                start.loadAverage());
    }

    private void summarize() throws IOException {
        double lotkeeperSeconds = median("lotkeeper", Start::seconds);
        double emptySeconds = median("empty-war", Start::seconds);
        double lotkeeperRss = median("lotkeeper", Start::residentMebibytes);
        double emptyRss = median("empty-war", Start::residentMebibytes);
        System.out.printf(Locale.ROOT, "median start:  Lotkeeper %.2f s, empty WAR %.2f s, ratio %.2f (target <= 1.3)%n",
                lotkeeperSeconds, emptySeconds, lotkeeperSeconds / emptySeconds);
        double lotkeeperProcessor = median("lotkeeper", Start::processorSeconds);
        double emptyProcessor = median("empty-war", Start::processorSeconds);
        System.out.printf(Locale.ROOT, "median processor time to the first page:  Lotkeeper %.2f s, empty WAR %.2f s,"
                + " ratio %.2f (no target; less sensitive to the machine's load)%n", lotkeeperProcessor, emptyProcessor,
                lotkeeperProcessor / emptyProcessor);
        System.out.printf(Locale.ROOT, "median VmRSS:  Lotkeeper %.1f MiB, empty WAR %.1f MiB, ratio %.2f (target <= 1.3)%n",
                lotkeeperRss, emptyRss, lotkeeperRss / emptyRss);
        System.out.println("load average at the end: " + loadAverage());
    }

    private double median(String system, ToDoubleFunction<Start> value) {
        double[] values = starts.stream().filter(start -> start.system().equals(system)).mapToDouble(value).sorted()
                .toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private void writeCsv() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("round,system,seconds_to_first_page,processor_seconds,vmrss_mib,load_average,java_opts");
        for (Start start : starts) {
            rows.add(String.format(Locale.ROOT, "%d,%s,%.3f,%.2f,%.1f,\"%s\",\"%s\"", start.round(), start.system(),
                    start.seconds(), start.processorSeconds(), start.residentMebibytes(), start.loadAverage(), javaOpts));
        }
        Files.createDirectories(results.getParent());
        Files.write(results, rows);
        System.out.println("Wrote " + results);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
