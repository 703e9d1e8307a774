package org.lotkeeper.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Payara Micro server started by the benchmark on loopback: Lotkeeper through
 * {@code deploy/run}, or an empty WAR with the same Payara Micro flags. Measures the time from
 * starting the process to the first page served with status 200, and the resident memory of the
 * JVM from {@code /proc/PID/status}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerProcess.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Path PREFERRED_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** USER_HZ, the unit of the times in /proc/PID/stat: 100 on Linux for x86 and ARM ({@code getconf CLK_TCK}). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final long startNanos;
    private final String name;
    private long execNanos;
    private long firstPageNanos;

    private ServerProcess(String name, ProcessBuilder builder, Path log) throws IOException {
        this.name = name;
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        startNanos = System.nanoTime();
        process = builder.start();
        LOG.info(() -> "Started " + name + " as pid " + process.pid() + ", log " + log);
    }

    /**
     * Starts Lotkeeper with {@code deploy/run --port PORT --data DIR --war WAR}, with the given
     * admin password.
     */
    static ServerProcess lotkeeper(Path repository, Path warDir, Path dataDir, int port, String adminPassword,
                                   String javaOpts, Path log) throws IOException {
        return lotkeeper(repository, warDir, dataDir, port, adminPassword, javaOpts, log, List.of(), List.of());
    }

    /**
     * Starts Lotkeeper with {@code deploy/run --port PORT --data DIR --war WAR} and
     * {@code arguments} (such as {@code --db-url}), with the given admin password, and with
     * {@code commandPrefix} (such as {@code ip netns exec NAME}) in front of the command.
     */
    static ServerProcess lotkeeper(Path repository, Path warDir, Path dataDir, int port, String adminPassword,
                                   String javaOpts, Path log, List<String> arguments, List<String> commandPrefix)
            throws IOException {
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of(repository.resolve("deploy/run").toString(),
                "--port", Integer.toString(port), "--data", dataDir.toString(), "--war", warDir.toString()));
        command.addAll(arguments);
        if (!javaOpts.isBlank()) {
            command.add("--java-opts");
            command.add(javaOpts);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("LOTKEEPER_ADMIN_PASSWORD", adminPassword);
        environment.remove("LOTKEEPER_DB_DIR");
        environment.remove("LOTKEEPER_DB_URL");
        environment.remove("LOTKEEPER_DB_USER");
        environment.remove("LOTKEEPER_DB_PASSWORD");
        // The generator dates its entries in the JVM's default zone, so the server must use the same.
        environment.remove("LOTKEEPER_BUSINESS_ZONE");
        return new ServerProcess("Lotkeeper on port " + port, builder, log);
    }

    /**
     * Starts Payara Micro with an exploded WAR that holds one static page, with the flags, heap
     * size, Derby libraries and pre-boot file that {@code deploy/run} uses.
     */
    static ServerProcess emptyWar(Path repository, Path warDir, Path rootDir, int port, Path log) throws IOException {
        return emptyWar(repository, warDir, rootDir, port, "", log);
    }

    /**
     * Starts the empty WAR like {@link #emptyWar(Path, Path, Path, int, Path)}, with extra JVM
     * options split on whitespace at the place where {@code deploy/run --java-opts} puts them.
     */
    static ServerProcess emptyWar(Path repository, Path warDir, Path rootDir, int port, String javaOpts, Path log)
            throws IOException {
        Path runtime = repository.resolve("modules/web/target/runtime");
        String derbyJars = String.join(":", runtime.resolve("lib/derby.jar").toString(),
                runtime.resolve("lib/derbyshared.jar").toString(), runtime.resolve("lib/derbytools.jar").toString());
        Files.createDirectories(rootDir);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS", "-Duser.language=en", "-Duser.country=US"));
        if (!javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", runtime.resolve("payara-micro.jar").toString(),
                "--deploy", warDir.toString(), "--contextroot", "/", "--addlibs", derbyJars,
                "--port", Integer.toString(port),
                "--prebootcommandfile", repository.resolve("deploy/payara/preboot.asadmin").toString(),
                "--rootdir", rootDir.toString(), "--nohazelcast", "--disablephonehome"));
        return new ServerProcess("empty WAR", new ProcessBuilder(command).directory(repository.toFile()), log);
    }

    /**
     * Copies the exploded WAR that the build produced to {@code warDir} and adds the probe jar,
     * whose servlet times the posting service inside the server. The build output itself stays
     * unchanged, so the production WAR never contains the probe.
     */
    static void writeBenchmarkWar(Path repository, Path warDir) throws IOException {
        Path built = repository.resolve("modules/web/target/lotkeeper");
        Path probe = repository.resolve("modules/benchmark-probe/target/lotkeeper-benchmark-probe.jar");
        if (!Files.isDirectory(built.resolve("WEB-INF")) || !Files.isRegularFile(probe)) {
            throw new IOException("Missing " + built + " or " + probe + "; build with"
                    + " 'mvn -pl modules/benchmark -am package -DskipTests' first.");
        }
        try (java.util.stream.Stream<Path> files = Files.walk(built)) {
            for (Path source : files.toList()) {
                Path target = warDir.resolve(built.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.copy(probe, warDir.resolve("WEB-INF/lib").resolve(probe.getFileName()));
    }

    /** Writes an exploded WAR with a single static page, {@code index.html}. */
    static void writeEmptyWar(Path warDir) throws IOException {
        Files.createDirectories(warDir.resolve("WEB-INF"));
        Files.writeString(warDir.resolve("index.html"), "<!DOCTYPE html><title>empty</title><p>empty</p>\n");
    }

    /** The java that deploy/run prefers, else the one running the benchmark. */
    private static String javaExecutable() {
        Path preferred = PREFERRED_JDK.resolve("bin/java");
        if (Files.isExecutable(preferred)) {
            return preferred.toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Polls {@code path} until it returns status 200, and records when the process became a JVM
     * (deploy/run runs a shell script first and then replaces itself with {@code java}).
     */
    void awaitFirstPage(int port, String path) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        long deadline = startNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before serving " + path + "; see its log.");
            }
            if (execNanos == 0 && isJava()) {
                execNanos = System.nanoTime();
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    firstPageNanos = System.nanoTime();
                    if (execNanos == 0) {
                        execNanos = startNanos;
                    }
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " served no " + path + " within " + START_TIMEOUT + "; see its log.");
    }

    private boolean isJava() {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String executable = commandLine.split("\0", 2)[0];
            return executable.endsWith("/java") || executable.equals("java");
        } catch (IOException e) {
            return false;
        }
    }

    /** Seconds from starting the process to the first page served. */
    double secondsToFirstPage() {
        return (firstPageNanos - startNanos) / 1e9;
    }

    /** Seconds from the moment the process was seen running {@code java} to the first page served. */
    double secondsFromJavaToFirstPage() {
        return (firstPageNanos - execNanos) / 1e9;
    }

    /** Resident memory of the JVM in MiB, from VmRSS in /proc/PID/status. */
    double residentMebibytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("No VmRSS line in /proc/" + process.pid() + "/status");
    }

    long pid() {
        return process.pid();
    }

    /**
     * Processor seconds the JVM has used so far in user and kernel mode, from fields 14 and 15 of
     * /proc/PID/stat. When other processes compete for the processors, this figure grows much less
     * than the wall time, so it compares two servers better on a busy machine.
     */
    double processorSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // The command name in brackets may contain spaces, so the fields are counted after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server with SIGTERM, which runs Payara's shutdown hook, and kills it after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            LOG.warning(() -> name + " (pid " + process.pid() + ") did not stop within a minute; killing it");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
