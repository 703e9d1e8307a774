package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server started with {@code deploy/run} in a child process on a free loopback port, for tests
 * that stop, kill and restart it on the same data directory. {@code deploy/run} execs java, so
 * the child process is the server's JVM; {@link #command} returns its executable for a check.
 */
final class ScriptServer implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final URL url;
    private final File log;

    private ScriptServer(Process process, URL url, File log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the server on {@code data} and returns once its health check lists the database.
     *
     * @param javaOptions extra JVM options passed with {@code --java-opts}, or an empty string
     * @param log         file the server's output is appended to
     */
    static ScriptServer start(Path data, String javaOptions, File log) throws IOException, InterruptedException {
        Path repository = Path.of("").toAbsolutePath().resolve("../..").normalize();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(repository.resolve("deploy/run").toString(), "--port",
                Integer.toString(port), "--data", data.toString(), "--java-opts", javaOptions)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("LOTKEEPER_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        builder.environment().remove("LOTKEEPER_DB_DIR");
        ScriptServer server = new ScriptServer(builder.start(), URI.create("http://127.0.0.1:" + port + "/").toURL(), log);
        server.waitUntilHealthy();
        return server;
    }

    URL url() {
        return url;
    }

    /** Returns the command of the child process, which must be the java executable. */
    String command() {
        return process.info().command().orElse("");
    }

    /** Kills the JVM with SIGKILL, so no shutdown hook runs, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server JVM did not die within 60 s of SIGKILL");
    }

    /** Stops the server with SIGTERM, and with SIGKILL when it is still running after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void waitUntilHealthy() throws InterruptedException {
        Api anonymous = Api.anonymous(url);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "deploy/run exited early; see " + log);
            try {
                Api.Response health = anonymous.get("/health");
                // Payara returns UP before the application is deployed, and the database check is ours.
                if (health.status() == 200 && health.body().contains("\"database\"")) {
                    return;
                }
            } catch (RuntimeException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("deploy/run did not report healthy within " + START_TIMEOUT + "; see " + log);
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
