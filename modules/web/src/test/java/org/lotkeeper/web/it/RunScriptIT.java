package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the application the way a user does, with {@code deploy/run}, and checks that it
 * answers health and OpenAPI, listens on loopback only, and keeps its data across a restart.
 */
class RunScriptIT {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    @Test
    void runScriptServesLoopbackAndKeepsDataAcrossRestart() throws Exception {
        Path repository = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Path data = Path.of("target", "run-script-data").toAbsolutePath();
        deleteRecursively(data);
        int port = freePort();
        URL base = URI.create("http://127.0.0.1:" + port + "/").toURL();

        server = start(repository, data, port);
        waitUntilHealthy(base);
        assertLoopbackOnly(server.pid());
        Api anonymous = Api.anonymous(base);
        assertTrue(anonymous.get("/openapi").body().contains("/api/v1/adjustments"), "OpenAPI lists the adjustments API");

        Api api = Api.admin(base);
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "R1", location, "12", "1.25", null, null);
        assertEquals(201, api.damage(lot, "2", null).status());

        server.destroy();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");

        server = start(repository, data, port);
        waitUntilHealthy(base);
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "quantity after the restart");
        assertEquals(new BigDecimal("12.50"), api.value(lot), "value after the restart");
        assertEquals(2, api.ledger(lot).size(), "ledger entries after the restart");
        assertTrue(api.verification().getBoolean("consistent"));
    }

    private static Process start(Path repository, Path data, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(repository.resolve("deploy/run").toString(), "--port",
                Integer.toString(port), "--data", data.toString())
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/run-script-it.log")));
        builder.environment().put("LOTKEEPER_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        builder.environment().remove("LOTKEEPER_DB_DIR");
        return builder.start();
    }

    private void waitUntilHealthy(URL base) throws InterruptedException {
        Api anonymous = Api.anonymous(base);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), "deploy/run exited early; see target/run-script-it.log");
            try {
                Api.Response health = anonymous.get("/health");
                // Payara answers UP before the application is deployed; the database check is ours.
                if (health.status() == 200 && health.body().contains("\"database\"")) {
                    return;
                }
            } catch (RuntimeException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("deploy/run did not report healthy within " + START_TIMEOUT);
    }

    /** Checks with {@code ss} that every TCP socket the server listens on is bound to 127.0.0.1. */
    private static void assertLoopbackOnly(long pid) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        List<String> ours = output.lines().filter(line -> line.contains("pid=" + pid + ",")).toList();
        assertFalse(ours.isEmpty(), "ss shows the server's listening sockets: " + output);
        for (String line : ours) {
            String local = line.trim().split("\\s+")[3];
            assertTrue(local.startsWith("127.0.0.1:"), "listening beyond loopback: " + line);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
