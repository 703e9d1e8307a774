package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application started the way a user starts it, with {@code deploy/run}, on a free loopback
 * port and its own data directory under {@code target/}. It may be stopped or killed and started
 * again on the same data directory and port. {@code deploy/run} execs java, so the child process
 * is the server's JVM.
 *
 * <p>A server may also get extra {@code deploy/run} options (a PostgreSQL database, a cluster), a
 * command prefix such as {@code ip netns exec NAME} to run in a network namespace, and a probe URL
 * through which the test reaches it when its port is not on the host's loopback.
 */
final class ScriptServer implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** A health request that takes longer than this is abandoned and sent again. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final int LOG_LINES_ON_FAILURE = 400;
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT).build();

    static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();

    private final Path data;
    private final int port;
    private final String javaOptions;
    private final List<String> commandPrefix = new ArrayList<>();
    private final List<String> extraArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private URI probeBase;
    private Process process;

    ScriptServer(String name) throws IOException {
        this(name, "");
    }

    /** Creates a server whose JVM gets the extra options {@code javaOptions} through {@code --java-opts}. */
    ScriptServer(String name, String javaOptions) throws IOException {
        this.data = Path.of("target", name + "-data").toAbsolutePath();
        deleteRecursively(data);
        this.port = freePort();
        this.javaOptions = javaOptions;
        this.probeBase = URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Creates a server on a fixed port that runs under {@code commandPrefix} (for example
     * {@code ip netns exec NAME}) with extra {@code deploy/run} options, reached by the test at
     * {@code probeBase}.
     */
    ScriptServer(String name, int port, List<String> commandPrefix, List<String> extraArguments, URL probeBase)
            throws IOException {
        this.data = Path.of("target", name + "-data").toAbsolutePath();
        deleteRecursively(data);
        this.port = port;
        this.javaOptions = "";
        this.commandPrefix.addAll(commandPrefix);
        this.extraArguments.addAll(extraArguments);
        this.probeBase = URI.create(probeBase.toString());
    }

    /** Adds extra {@code deploy/run} options, such as {@code --db-url}, for the next start. */
    ScriptServer withArguments(String... arguments) {
        extraArguments.addAll(List.of(arguments));
        return this;
    }

    /** Sets an environment variable of the next start. */
    ScriptServer withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path dataDirectory() {
        return data;
    }

    URL url() {
        try {
            return probeBase.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Process process() {
        return process;
    }

    /** Returns the data directory given to {@code deploy/run --data}. */
    Path data() {
        return data;
    }

    /** Returns the executable of the running server process, which is java when deploy/run exec'd it. */
    String command() {
        return process.info().command().orElse("");
    }

    /** Starts the server and waits until the application reports its database check. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of(REPOSITORY.resolve("deploy/run").toString(), "--port", Integer.toString(port), "--data",
                data.toString()));
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of("--java-opts", javaOptions));
        }
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/" + data.getFileName() + ".log")));
        builder.environment().put("LOTKEEPER_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        builder.environment().remove("LOTKEEPER_DB_DIR");
        builder.environment().remove("LOTKEEPER_PLUGINS_DIR");
        builder.environment().putAll(environment);
        process = builder.start();
        waitUntilHealthy();
    }

    /** Stops the server with SIGTERM and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Kills the server's JVM with SIGKILL, so no shutdown hook runs, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server JVM did not die within 60 s of SIGKILL");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * Waits until the application reports healthy, for example after a redeployment. On time-out
     * it requests a thread dump, which the JVM writes to the server log, and fails with the last
     * health response and the log's last lines.
     */
    void waitUntilHealthy() throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(probeBase.resolve("health"))
                .timeout(PROBE_TIMEOUT).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastResponse = "none yet";
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "deploy/run exited early; see " + log());
            try {
                HttpResponse<String> health = PROBE.send(probe, HttpResponse.BodyHandlers.ofString());
                // Payara reports UP before the application is deployed, so wait for the application's database check.
                if (health.statusCode() == 200 && health.body().contains("\"database\"")) {
                    return;
                }
                lastResponse = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                lastResponse = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("deploy/run did not report healthy within " + START_TIMEOUT + "; last /health response: "
                + lastResponse + "\n" + diagnostics());
    }

    Path log() {
        return Path.of("target", data.getFileName() + ".log").toAbsolutePath();
    }

    /** Requests a thread dump from the server JVM and returns the last lines of its log. */
    private String diagnostics() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(2000);
            List<String> lines = Files.readAllLines(log());
            return "last lines of " + log() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "could not read " + log() + ": " + e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
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
