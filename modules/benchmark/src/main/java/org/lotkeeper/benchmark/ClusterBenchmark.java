package org.lotkeeper.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.lotkeeper.sandbox.NetworkNamespace;
import org.lotkeeper.sandbox.PostgresServer;
import org.lotkeeper.sandbox.UnixSocketBridge;

/**
 * Measures the concurrent posters of workload 2 on PostgreSQL with one, then two, then three
 * Lotkeeper servers that form one Payara data grid with {@code deploy/run --cluster-members}.
 * The posters are spread round-robin over the servers, and each client talks to its server
 * directly. After each step the ledger is checked: the server's verification (stored balances
 * equal the entry sums, no balance below zero), every acknowledged document present and complete,
 * and every touched lot at its starting quantity plus the acknowledged changes.
 *
 * <p>Payara's data grid binds every interface and advertises an address, so the servers run in a
 * network namespace of their own, together with the PostgreSQL server of the run (restarted there
 * on the same files) and an nginx that listens on one UNIX socket per server. The benchmark reaches
 * each socket through a {@link UnixSocketBridge} on the host's 127.0.0.1. Every measured request
 * therefore passes the bridge and nginx. The one-server step runs on the same path, so the ratios
 * between the steps compare like with like, but the absolute figures are lower than a direct
 * connection would give.
 */
final class ClusterBenchmark {

    private static final Logger LOG = Logger.getLogger(ClusterBenchmark.class.getName());
    private static final Duration GRID_TIMEOUT = Duration.ofMinutes(2);
    private static final String DISJOINT = "posters, disjoint lots";
    private static final String HOT = "posters, one hot lot";

    private final Options options;
    private final Layout layout;
    private final PostgresServer postgres;
    private final Path postgresDirectory;
    private final Path directory;
    private final String adminPassword;
    private final List<DocumentSpec> warmup;
    private final List<List<DocumentSpec>> disjoint;
    private final List<List<DocumentSpec>> hot;
    private final Set<Long> trackedLots;
    private final Report report = new Report();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param postgres          the stopped PostgreSQL server of the run, started again in the namespace
     * @param postgresDirectory the directory of the PostgreSQL series, with its WAR copy and password file
     * @param warmup            documents each server posts before it is measured
     * @param trackedLots       every lot the documents touch
     */
    ClusterBenchmark(Options options, Layout layout, PostgresServer postgres, Path postgresDirectory,
                     String adminPassword, List<DocumentSpec> warmup, List<List<DocumentSpec>> disjoint,
                     List<List<DocumentSpec>> hot, Set<Long> trackedLots) {
        this.options = options;
        this.layout = layout;
        this.postgres = postgres;
        this.postgresDirectory = postgresDirectory;
        this.directory = postgresDirectory.resolveSibling("cluster");
        this.adminPassword = adminPassword;
        this.warmup = warmup;
        this.disjoint = disjoint;
        this.hot = hot;
        this.trackedLots = trackedLots;
    }

    /**
     * Runs the steps and writes {@code LABEL-cluster-*.csv}, or prints the failed checks and
     * writes nothing. Returns whether every check passed.
     */
    boolean run() throws Exception {
        String unavailable = NetworkNamespace.unavailableReason();
        if (unavailable == null && !Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            unavailable = "nginx is not installed (Debian package nginx-light)";
        }
        if (unavailable != null) {
            System.err.println("The cluster runs cannot run: " + unavailable + ". Run with --instances 0 to skip them.");
            return false;
        }
        Files.createDirectories(directory);
        // nginx workers run as 'nobody' and must reach their files and sockets here.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        report.environment("load average at start", loadAverage());
        report.environment("run started", Instant.now().toString());
        report.environment("arguments", options.arguments);

        NetworkNamespace namespace = NetworkNamespace.create("bench");
        List<ServerProcess> servers = new ArrayList<>();
        List<UnixSocketBridge> bridges = new ArrayList<>();
        Process nginx = null;
        try {
            postgres.start(namespace.exec());
            nginx = startNginx(namespace);
            List<ApiClient> clients = new ArrayList<>();
            for (int member = 1; member <= options.instances && failures.isEmpty(); member++) {
                UnixSocketBridge bridge = new UnixSocketBridge(directory.resolve("instance-" + member + ".sock"),
                        options.port != 0 ? options.port + 10 + member : 0);
                bridges.add(bridge);
                servers.add(startMember(namespace, member, bridge));
                clients.add(0, new ApiClient(URI.create("http://127.0.0.1:" + bridge.port() + "/"), "admin",
                        adminPassword));
                if (failures.isEmpty()) {
                    measure(clients);
                }
                if (member == options.instances) {
                    checkListeners(namespace, nginx, servers);
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            // A server or nginx that failed to start ends the cluster runs, not the whole benchmark,
            // whose other figures are valid.
            LOG.log(Level.SEVERE, "The cluster runs stopped after " + servers.size() + " servers", e);
            failures.add("the cluster runs stopped after " + servers.size() + " servers: " + e.getMessage());
        } finally {
            for (ServerProcess server : servers.reversed()) {
                server.close();
            }
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(30, TimeUnit.SECONDS);
            }
            postgres.close();
            for (UnixSocketBridge bridge : bridges) {
                bridge.close();
            }
            namespace.close();
        }

        if (!failures.isEmpty()) {
            System.err.println("The cluster runs FAILED their checks, so they report no figures:");
            failures.forEach(failure -> System.err.println("  " + failure));
            return false;
        }
        report.environment("load average at end", loadAverage());
        report.write(options.results, options.label + "-cluster");
        return true;
    }

    /** Starts member {@code member} (1-based), waits for its first page and for the data grid to list every member so far. */
    private ServerProcess startMember(NetworkNamespace namespace, int member, UnixSocketBridge bridge) throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= options.instances; i++) {
            members.add("127.0.0.1:" + (options.hazelcastPort + i - 1));
        }
        List<String> arguments = new ArrayList<>(List.of("--db-url", postgres.url(), "--db-user", PostgresServer.USER,
                "--db-password-file", postgresDirectory.resolve("db-password").toString(),
                "--cluster-members", String.join(",", members),
                "--hazelcast-port", Integer.toString(options.hazelcastPort + member - 1),
                "--instance-name", "lotkeeper-" + member));
        Path log = directory.resolve("lotkeeper-" + member + ".log");
        int port = httpPort(member);
        System.out.println("Starting cluster member " + member + " on port " + port + " in network namespace "
                + namespace.name() + ", reached through 127.0.0.1:" + bridge.port() + "; log " + log);
        ServerProcess server = ServerProcess.lotkeeper(options.repository, postgresDirectory.resolve("war"),
                directory.resolve("data-" + member), port, adminPassword, options.serverJavaOpts, log, arguments,
                namespace.exec());
        try {
            server.awaitFirstPage(bridge.port(), "/health");
        } catch (IllegalStateException e) {
            server.close();
            throw e;
        }
        report.addValue("start to first page from java, member " + member, member + (member == 1 ? " instance"
                : " instances"), server.secondsFromJavaToFirstPage());
        awaitGrid(log, member);
        return server;
    }

    private int httpPort(int member) {
        return (options.port != 0 ? options.port : 8080) + member;
    }

    /** Waits until the member's log reports a data grid of {@code size} members, which Payara logs as "DG Size: N". */
    private void awaitGrid(Path log, int size) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(GRID_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("DG Size: " + size)) {
                return;
            }
            Thread.sleep(500);
        }
        failures.add("cluster member " + size + " did not report a data grid of " + size + " members within "
                + GRID_TIMEOUT + "; see " + log);
    }

    /**
     * Warms the newest server up, then runs the disjoint and the hot-lot posters over all servers
     * so far and checks the ledger. {@code clients} has the newest server first.
     */
    private void measure(List<ApiClient> clients) throws InterruptedException {
        int size = clients.size();
        String system = size + (size == 1 ? " instance" : " instances");
        report.environment("load average before " + system, loadAverage());
        HttpWorkloads http = new HttpWorkloads(clients, layout);
        Map<Long, BigDecimal> before = http.quantities(trackedLots);

        HttpWorkloads.PostingOutcome warm = http.postOneByOne(warmup, warmup.size());
        if (warm.errors() > 0) {
            failures.add(system + ": " + warm.errors() + " warm-up documents were rejected: " + warm.firstErrors);
        }
        add(options.threads + " " + DISJOINT, system, http.postConcurrently(disjoint), size);
        add(options.threads + " " + HOT, system, http.postConcurrently(hot), size);
        report.environment("load average after " + system, loadAverage());
        verify(http, before, system);
    }

    private void add(String workload, String system, HttpWorkloads.PostingOutcome outcome, int size) {
        if (!outcome.firstErrors.isEmpty()) {
            System.out.println("  rejected requests of " + workload + " on " + system + ": " + outcome.firstErrors);
        }
        Report.Measurement measurement = report.add(workload, system, outcome.latencies, outcome.errors(),
                outcome.conflicts.get(), outcome.deadlocks.get());
        if (size == 1) {
            return;
        }
        double oneInstance = report.measurements().stream()
                .filter(m -> m.workload().equals(workload) && m.system().equals("1 instance"))
                .mapToDouble(Report.Measurement::throughput).findFirst().orElse(Double.NaN);
        report.ratio(workload + ", " + system + " / 1 instance", measurement.throughput() / oneInstance,
                "documents per second");
    }

    private void verify(HttpWorkloads http, Map<Long, BigDecimal> before, String system) {
        List<String> lost = http.lostUpdates(before, trackedLots);
        lost.forEach(problem -> failures.add(system + ": " + problem));
        List<String> missing = http.missingDocuments();
        missing.forEach(problem -> failures.add(system + ": " + problem));
        JsonObject verification = http.verification();
        if (!verification.getBoolean("consistent")) {
            failures.add(system + ": ledger verification is not consistent: "
                    + HttpWorkloads.abbreviate(verification.toString()));
        }
        String summary = http.acknowledged().size() + " acknowledged documents, " + missing.size()
                + " missing or incomplete, " + lost.size() + " lost updates over " + trackedLots.size()
                + " lots, ledger verification consistent " + verification.getBoolean("consistent") + " ("
                + verification.getJsonNumber("lots") + " lots, " + verification.getJsonNumber("entries") + " entries)";
        System.out.println("Checked " + system + ": " + summary);
        report.environment("checks with " + system, summary);
    }

    /** Writes an nginx configuration with one UNIX-socket listener per member and starts nginx in the namespace. */
    private Process startNginx(NetworkNamespace namespace) throws IOException, InterruptedException {
        Path prefix = directory.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Files.setPosixFilePermissions(prefix.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder servers = new StringBuilder();
        for (int member = 1; member <= options.instances; member++) {
            servers.append("""
                        upstream member%1$d {
                            server 127.0.0.1:%2$d;
                            keepalive 16;
                        }
                        server {
                            listen unix:%3$s;
                            location / {
                                proxy_pass http://member%1$d;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $http_host;
                                proxy_read_timeout 600s;
                            }
                        }
                    """.formatted(member, httpPort(member), directory.resolve("instance-" + member + ".sock")));
        }
        String config = """
                worker_processes 1;
                pid logs/nginx.pid;
                error_log logs/error.log warn;
                events {
                    worker_connections 1024;
                }
                http {
                    access_log off;
                    client_body_temp_path temp/client_body;
                    proxy_temp_path temp/proxy;
                    fastcgi_temp_path temp/fastcgi;
                    uwsgi_temp_path temp/uwsgi;
                    scgi_temp_path temp/scgi;
                    client_max_body_size 21m;
                %s}
                """.formatted(servers);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, config);

        List<String> command = new ArrayList<>(namespace.exec());
        command.addAll(List.of("/usr/sbin/nginx", "-p", prefix.toString(), "-c", file.toString(), "-g", "daemon off;"));
        Process nginx = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/nginx-output.log").toFile()).start();
        Path lastSocket = directory.resolve("instance-" + options.instances + ".sock");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(lastSocket)) {
            if (!nginx.isAlive() || Instant.now().isAfter(deadline)) {
                nginx.destroy();
                throw new IOException("nginx did not create " + lastSocket + " within 30 s; see " + prefix.resolve("logs"));
            }
            Thread.sleep(100);
        }
        return nginx;
    }

    /**
     * Checks with {@code ss} that no process of the cluster listens in the host's network
     * namespace and that the benchmark's bridges listen on 127.0.0.1 only.
     */
    private void checkListeners(NetworkNamespace namespace, Process nginx, List<ServerProcess> servers)
            throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String listeners = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(30, TimeUnit.SECONDS);
        List<Long> started = new ArrayList<>(List.of(postgres.pid(), nginx.pid()));
        servers.forEach(server -> started.add(server.pid()));
        for (long pid : started) {
            if (listeners.contains("pid=" + pid + ",")) {
                failures.add("process " + pid + " listens in the host's network namespace:\n" + listeners);
            }
        }
        String self = "pid=" + ProcessHandle.current().pid() + ",";
        for (String line : listeners.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (line.contains(self) && columns.length > 3 && !columns[3].startsWith("127.0.0.1:")) {
                failures.add("the benchmark listens beyond loopback: " + line);
            }
        }
        String inside = namespace.listeners();
        LOG.info(() -> "Listeners inside network namespace " + namespace.name() + ":\n" + inside);
        report.environment("cluster listeners", "none of PostgreSQL, nginx and the " + servers.size()
                + " servers in the host's network namespace; bridges on 127.0.0.1 only");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
