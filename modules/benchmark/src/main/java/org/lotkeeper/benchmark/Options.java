package org.lotkeeper.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the benchmark. Data sizes default to the full size (1,000 products,
 * 100,000 lots, 1,000,000 ledger entries); {@code --scale} multiplies all three, so that
 * {@code --scale 0.01} runs the same workloads on a database a hundred times smaller.
 */
final class Options {

    static final String USAGE = """
            Usage: java -jar modules/benchmark/target/lotkeeper-benchmark.jar [OPTIONS]

            Generates a database, measures raw JDBC baselines on it, then starts Lotkeeper on the
            same database with deploy/run and measures the same work through the REST API. Does
            this on embedded Derby and on a private PostgreSQL server, and on PostgreSQL also
            measures the concurrent posters on one, two and three clustered servers.

            Databases:
              --database NAME        derby, postgresql or both. Default: both.
              --instances N          Largest cluster measured on PostgreSQL: 1 to N servers, one more
                                     at a time; 0 skips the cluster runs. Needs root, ip and nginx.
                                     Default: 3.
              --postgres-port N      Port of the private PostgreSQL server on 127.0.0.1. Default: a
                                     free port.
              --hazelcast-port N     Data grid port of the first cluster member; member i uses N + i - 1.
                                     The members run in a network namespace of their own. Default: 5901.

            Data (generated with JDBC batch inserts):
              --scale F              Multiplies the three sizes below. Default: 1.
              --products N           Products, at least 50 (the assembly and its 20 components are reserved
                                     for builds). Default: 1000.
              --lots N               Lots. Default: 100000.
              --entries N            Ledger entries, including one opening entry per lot. Default: 1000000.
              --zipf S               Exponent of the Zipf distribution of product popularity. Default: 1.0.
              --history-days N       Days of history the generated entries span. Default: 365.
              --seed N               Random seed. Default: 42.

            Workloads:
              --documents N          Measured 10-line documents of the one-poster workload. Default: 400.
              --warmup N             Documents, builds or queries run before each measurement, so that the
                                     server's JIT compiler has warmed up. Default: 1000.
              --threads N            Posters of the concurrent workloads. Default: 8.
              --documents-per-thread N
                                     Documents each concurrent poster posts. Default: 100.
              --queries N            Measured repeats of each one-lot query. Default: 200.
              --all-lots-queries N   Measured repeats of each all-lots query. Default: 5.
              --builds N             Measured assembly builds, and as many 21-line documents. Default: 100.
              --stocktake-lots N     Lots counted by the stocktake document of workload 4; fewer when the
                                     database has fewer lots outside the other workloads. Default: 10000.
              --stocktake-posters N  Posters that keep posting on other lots while the stocktake posts.
                                     Default: 2.

            Runtime:
              --repository DIR       Lotkeeper checkout that holds deploy/run. Default: found upwards from
                                     the current directory.
              --work DIR             Directory for the database and server files; emptied at the start.
                                     Default: modules/benchmark/target/work.
              --results DIR          Directory for the CSV of results. Default: modules/benchmark/results.
              --label TEXT           Start of the CSV file names, followed by the database: LABEL-derby-*.csv,
                                     LABEL-postgresql-*.csv, LABEL-cluster-*.csv and, with both
                                     databases, LABEL-comparison.csv. Default: lots<N>.
              --port N               HTTP port of the servers (loopback only). With it, cluster member i
                                     listens on N + i inside its network namespace and is reached
                                     through 127.0.0.1:N + 10 + i. Default: free ports.
              --server-java-opts "OPTS"
                                     Passed to deploy/run --java-opts. Default: none.
              -h, --help             Print this help and exit.
            """;

    /** Fewest products: the assembly and its 20 components, and enough others for the posting workloads. */
    static final int MIN_PRODUCTS = 50;

    double scale = 1.0;
    Integer products;
    Integer lots;
    Integer entries;
    double zipf = 1.0;
    int historyDays = 365;
    long seed = 42;

    int documents = 400;
    int warmup = 1000;
    int threads = 8;
    int documentsPerThread = 100;
    int queries = 200;
    int allLotsQueries = 5;
    int builds = 100;
    int stocktakeLots = 10_000;
    int stocktakePosters = 2;

    List<String> databases = List.of("derby", "postgresql");
    int instances = 3;
    int postgresPort;
    int hazelcastPort = 5901;

    /** The command-line arguments as given, for the record of the run. */
    String arguments = "";
    Path repository;
    Path work;
    Path results;
    String label;
    int port;
    String serverJavaOpts = "";

    int productCount() {
        return Math.max(MIN_PRODUCTS, products != null ? products : (int) Math.round(1_000 * scale));
    }

    int lotCount() {
        return Math.max(productCount(), lots != null ? lots : (int) Math.round(100_000 * scale));
    }

    int entryCount() {
        return Math.max(lotCount(), entries != null ? entries : (int) Math.round(1_000_000 * scale));
    }

    /** Parses the arguments, or prints the help and returns null for -h and --help. */
    static Options parse(String[] args) {
        Options options = new Options();
        options.arguments = String.join(" ", args);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("-h") || name.equals("--help")) {
                System.out.println(USAGE);
                return null;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("Option " + name + " needs a value. See --help.");
            }
            String value = rest.remove(0);
            switch (name) {
                case "--scale" -> options.scale = positiveDouble(name, value);
                case "--products" -> options.products = positive(name, value);
                case "--lots" -> options.lots = positive(name, value);
                case "--entries" -> options.entries = positive(name, value);
                case "--zipf" -> options.zipf = positiveDouble(name, value);
                case "--history-days" -> options.historyDays = positive(name, value);
                case "--seed" -> options.seed = Long.parseLong(value);
                case "--documents" -> options.documents = positive(name, value);
                case "--warmup" -> options.warmup = atLeastZero(name, value);
                case "--threads" -> options.threads = positive(name, value);
                case "--documents-per-thread" -> options.documentsPerThread = positive(name, value);
                case "--queries" -> options.queries = positive(name, value);
                case "--all-lots-queries" -> options.allLotsQueries = positive(name, value);
                case "--builds" -> options.builds = positive(name, value);
                case "--stocktake-lots" -> options.stocktakeLots = positive(name, value);
                case "--stocktake-posters" -> options.stocktakePosters = positive(name, value);
                case "--database" -> options.databases = databases(value);
                case "--instances" -> options.instances = atLeastZero(name, value);
                case "--postgres-port" -> options.postgresPort = positive(name, value);
                case "--hazelcast-port" -> options.hazelcastPort = positive(name, value);
                case "--repository" -> options.repository = Path.of(value).toAbsolutePath().normalize();
                case "--work" -> options.work = Path.of(value).toAbsolutePath().normalize();
                case "--results" -> options.results = Path.of(value).toAbsolutePath().normalize();
                case "--label" -> options.label = value;
                case "--port" -> options.port = positive(name, value);
                case "--server-java-opts" -> options.serverJavaOpts = value;
                default -> throw new IllegalArgumentException("Unknown option " + name + ". See --help.");
            }
        }
        options.resolvePaths();
        return options;
    }

    private void resolvePaths() {
        if (repository == null) {
            repository = findRepository(Path.of("").toAbsolutePath());
        }
        if (!Files.isExecutable(repository.resolve("deploy/run"))) {
            throw new IllegalArgumentException("No executable deploy/run in " + repository
                    + "; give the Lotkeeper checkout with --repository.");
        }
        Path module = repository.resolve("modules/benchmark");
        if (work == null) {
            work = module.resolve("target/work");
        }
        if (results == null) {
            results = module.resolve("results");
        }
        if (label == null) {
            label = "lots" + lotCount();
        }
    }

    private static Path findRepository(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("deploy/run"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("No deploy/run found in " + start
                + " or above; run from the Lotkeeper checkout or give --repository.");
    }

    private static List<String> databases(String value) {
        return switch (value) {
            case "derby" -> List.of("derby");
            case "postgresql" -> List.of("postgresql");
            case "both" -> List.of("derby", "postgresql");
            default -> throw new IllegalArgumentException("Invalid --database '" + value
                    + "': expected derby, postgresql or both.");
        };
    }

    private static int positive(String name, String value) {
        int number = integer(name, value);
        if (number < 1) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': must be 1 or more.");
        }
        return number;
    }

    private static int atLeastZero(String name, String value) {
        int number = integer(name, value);
        if (number < 0) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': must be 0 or more.");
        }
        return number;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected a whole number.");
        }
    }

    private static double positiveDouble(String name, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected a number greater than 0.");
    }
}
