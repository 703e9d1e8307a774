package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lotkeeper.sandbox.PostgresServer;

/**
 * Runs the application with {@code deploy/run --db-url} on a PostgreSQL server that the test
 * creates in a temporary directory on a free loopback port, signing in with a password file.
 */
class PostgresIT {

    private static Path directory;
    private static PostgresServer postgres;
    private static ScriptServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        RequiredTools.require(PostgresServer.unavailableReason() == null, String.valueOf(PostgresServer.unavailableReason()));
        directory = Files.createTempDirectory("lotkeeper-postgres-it");
        // PostgreSQL runs as the account 'postgres' when the test is root and must reach its directory.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        postgres = new PostgresServer(directory.resolve("pg"), freePort());
        postgres.create();
        postgres.start(List.of());

        server = new ScriptServer("postgres-it");
        Path passwordFile = postgres.writePasswordFile(directory.resolve("db-password"));
        server.withArguments("--db-url", postgres.url(), "--db-user", PostgresServer.USER, "--db-password-file",
                passwordFile.toString());
        server.start();
        admin = Api.admin(server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            ScriptServer.deleteRecursively(directory);
        }
    }

    @Test
    void serverUsesPostgresNotDerby() {
        assertFalse(Files.exists(server.dataDirectory().resolve("db")), "no Derby database in the data directory");
        JsonObject health = Api.parse(admin.get("/health").body()).asJsonObject();
        assertEquals("UP", health.getString("status"), health.toString());
    }

    @Test
    void postingsAndConcurrentWriteOffsAreExact() throws Exception {
        String location = admin.location();
        String sku = admin.product("pcs");
        long lot = admin.openLot(sku, "PG-1", location, "1000", "2.00", null, null);

        int clients = 4;
        int writeOffsEach = 25;
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients * writeOffsEach; c++) {
                statuses.add(pool.submit(() -> admin.damage(lot, "3", null).status()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertEquals(201, status.get(), "every write-off posts");
        }

        assertEquals(new BigDecimal("700"), admin.quantity(lot), "1000 - 100 x 3");
        assertEquals(0, new BigDecimal("1400.00").compareTo(admin.value(lot)), "value at 2.00 per piece");
        assertEquals(101, admin.ledger(lot).size(), "the opening and 100 write-offs");
        assertTrue(admin.verification().getBoolean("consistent"), admin.verification().toString());
    }

    @Test
    void idempotencyKeyPostsOnce() {
        String location = admin.location();
        String sku = admin.product("pcs");
        long lot = admin.openLot(sku, "PG-2", location, "10", "1.00", null, null);
        String body = "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                + ",\"quantity\":\"4\",\"fields\":{\"reason\":\"BROKEN\"}}]}";
        String key = "pg-" + Api.shortId();

        Api.Response first = admin.post("/api/v1/adjustments", body, key);
        Api.Response second = admin.post("/api/v1/adjustments", body, key);

        assertEquals(201, first.status(), first.body());
        assertEquals(first.json().getInt("id"), second.json().getInt("id"), "the same document both times");
        assertEquals(new BigDecimal("6"), admin.quantity(lot));
    }

    @Test
    void lotListPagesWithStock() {
        String location = admin.location();
        String sku = admin.product("pcs");
        long first = admin.openLot(sku, "PG-A", location, "5", "1.00", null, null);
        long emptied = admin.openLot(sku, "PG-B", location, "2", "1.00", null, null);
        long third = admin.openLot(sku, "PG-C", location, "7", "1.00", null, LocalDate.of(2031, 1, 31));
        assertEquals(201, admin.damage(emptied, "2", null).status(), "write off the whole lot");

        JsonArray withStock = admin.get("/api/v1/lots?withStock=true&product=" + sku).array();
        assertEquals(List.of(first, third), ids(withStock), "lots with stock in id order");
        assertEquals(0, new BigDecimal("7").compareTo(withStock.getJsonObject(1).getJsonNumber("quantity").bigDecimalValue()),
                "quantity of " + third);
        assertEquals("2031-01-31", withStock.getJsonObject(1).getString("expiry"));
        assertEquals(List.of(third), ids(admin.get("/api/v1/lots?withStock=true&offset=1&limit=1&product=" + sku).array()),
                "the second page of one lot");
        assertEquals(List.of(first, emptied, third), ids(admin.get("/api/v1/lots?product=" + sku).array()),
                "every lot without the stock filter");
    }

    private static List<Long> ids(JsonArray lots) {
        return lots.stream().map(lot -> lot.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
