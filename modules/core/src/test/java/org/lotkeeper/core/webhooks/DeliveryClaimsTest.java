package org.lotkeeper.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.core.schema.SchemaMigrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Claims on delivery attempts against a real database with the migrated schema: embedded Derby,
 * or PostgreSQL when the system property {@code lotkeeper.test.postgres} gives the JDBC URL of a
 * database that the test may empty, such as {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=lk}. Each
 * "server" is a {@link DeliveryClaims} with its own owner id, and each call runs in a transaction
 * of its own, as in the application.
 */
class DeliveryClaimsTest {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path directory;

    DataSource dataSource;
    long nextId = 1;

    @BeforeEach
    void createDatabase() {
        String postgres = System.getProperty("lotkeeper.test.postgres");
        if (postgres != null && !postgres.isBlank()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(postgres);
            dataSource = pg;
            dropAll();
        } else {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName(directory.resolve("db").toString());
            derby.setCreateDatabase("create");
            dataSource = derby;
        }
        new SchemaMigrator(dataSource).migrate();
    }

    @AfterEach
    void shutDownDerby() {
        if (dataSource instanceof EmbeddedDataSource derby) {
            EmbeddedDataSource shutdown = new EmbeddedDataSource();
            shutdown.setDatabaseName(derby.getDatabaseName());
            shutdown.setShutdownDatabase("shutdown");
            try {
                shutdown.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as an SQLException (state 08006).
            }
        } else {
            dropAll();
        }
    }

    /** Empties the PostgreSQL database, which other runs of this test share. */
    private void dropAll() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the PostgreSQL test database: " + e.getMessage(), e);
        }
    }

    @Test
    void concurrentServersClaimEachAttemptOnce() throws Exception {
        long webhook = insertWebhook(true);
        List<Long> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deliveries.add(insertDelivery(webhook, T0));
        }
        int servers = 4;
        List<DeliveryClaims> claimants = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            claimants.add(new DeliveryClaims("server-" + i, LEASE));
        }

        CyclicBarrier start = new CyclicBarrier(servers);
        List<Future<List<Long>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(servers)) {
            for (DeliveryClaims claimant : claimants) {
                results.add(pool.submit(() -> {
                    List<Long> won = new ArrayList<>();
                    for (long delivery : deliveries) {
                        start.await(30, TimeUnit.SECONDS);
                        if (inTransaction(c -> claimant.claim(c, delivery, T0.plusSeconds(1))).isPresent()) {
                            won.add(delivery);
                        }
                    }
                    return won;
                }));
            }
        }

        int[] wins = new int[deliveries.size()];
        for (int i = 0; i < servers; i++) {
            for (long delivery : results.get(i).get()) {
                wins[deliveries.indexOf(delivery)]++;
                assertEquals("server-" + i, row(delivery).claimedBy(), "holder of delivery " + delivery);
            }
        }
        for (int i = 0; i < wins.length; i++) {
            assertEquals(1, wins[i], "servers that claimed delivery " + deliveries.get(i));
        }
    }

    @Test
    void liveClaimBlocksUntilItExpires() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims first = new DeliveryClaims("first", LEASE);
        DeliveryClaims second = new DeliveryClaims("second", LEASE);

        DeliveryClaims.Attempt claimed = inTransaction(c -> first.claim(c, delivery, T0)).orElseThrow();
        assertNull(claimed.takenOverFrom(), "the first claim replaced nobody");
        assertEquals(0, claimed.attemptsBefore());
        assertEquals("http://127.0.0.1:9/hook", claimed.url());
        assertEquals("{\"eventId\":\"e-" + delivery + "\"}", claimed.payload());
        assertEquals(T0.plus(LEASE), row(delivery).claimedUntil());

        assertEquals(Optional.empty(), inTransaction(c -> second.claim(c, delivery, T0.plus(LEASE))),
                "the claim is live up to and including its last instant");
        assertEquals(Optional.empty(), inTransaction(c -> first.claim(c, delivery, T0.plusSeconds(5))),
                "not even its holder claims a live claim again");

        DeliveryClaims.Attempt takenOver = inTransaction(c -> second.claim(c, delivery, T0.plus(LEASE).plusMillis(1)))
                .orElseThrow();
        assertEquals("first", takenOver.takenOverFrom());
        assertEquals("second", row(delivery).claimedBy());
        assertEquals(T0.plus(LEASE).plusMillis(1).plus(LEASE), row(delivery).claimedUntil());
    }

    @Test
    void failedAttemptClearsClaimAndWaitsForRetry() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims first = new DeliveryClaims("first", LEASE);
        DeliveryClaims second = new DeliveryClaims("second", LEASE);
        DeliveryClaims.Attempt attempt = inTransaction(c -> first.claim(c, delivery, T0)).orElseThrow();

        DeliveryClaims.Outcome outcome = inTransaction(c -> first.recordOutcome(c, attempt, 503,
                "the receiver responded with HTTP status 503", T0.plusSeconds(1)));

        assertEquals(new DeliveryClaims.Outcome.Retry(Duration.ofSeconds(2)), outcome);
        Row row = row(delivery);
        assertEquals("PENDING", row.status());
        assertEquals(1, row.attempts());
        assertEquals(503, row.lastStatusCode());
        assertEquals("the receiver responded with HTTP status 503", row.lastError());
        assertEquals(T0.plusSeconds(3), row.nextAttemptAt());
        assertNull(row.claimedBy(), "the outcome clears the holder");
        assertNull(row.claimedUntil(), "the outcome clears the lease");

        assertEquals(Optional.empty(), inTransaction(c -> second.claim(c, delivery, T0.plusSeconds(2))),
                "the retry is not due yet");
        assertEquals(List.of(), inTransaction(c -> second.due(c, T0.plusSeconds(2), 10)));
        assertEquals(List.of(delivery), inTransaction(c -> second.due(c, T0.plusSeconds(3), 10)));
        DeliveryClaims.Attempt retry = inTransaction(c -> second.claim(c, delivery, T0.plusSeconds(3))).orElseThrow();
        assertEquals(1, retry.attemptsBefore());
        assertNull(retry.takenOverFrom(), "the first server's claim ended with its outcome");
    }

    @Test
    void successMarksDeliveredAndEndsClaims() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);
        DeliveryClaims.Attempt attempt = inTransaction(c -> server.claim(c, delivery, T0)).orElseThrow();

        DeliveryClaims.Outcome outcome = inTransaction(c -> server.recordOutcome(c, attempt, 204, null, T0.plusSeconds(1)));

        assertEquals(new DeliveryClaims.Outcome.Delivered(), outcome);
        Row row = row(delivery);
        assertEquals("DELIVERED", row.status());
        assertEquals(1, row.attempts());
        assertEquals(204, row.lastStatusCode());
        assertNull(row.lastError());
        assertNull(row.nextAttemptAt());
        assertEquals(T0.plusSeconds(1), row.deliveredAt());
        assertNull(row.claimedBy());
        assertEquals(Optional.empty(), inTransaction(c -> server.claim(c, delivery, T0.plusSeconds(60))));
        assertEquals(List.of(), inTransaction(c -> server.due(c, T0.plusSeconds(60), 10)));
    }

    @Test
    void outcomeAfterTakeOverIsDropped() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims slow = new DeliveryClaims("slow", LEASE);
        DeliveryClaims other = new DeliveryClaims("other", LEASE);
        DeliveryClaims.Attempt stale = inTransaction(c -> slow.claim(c, delivery, T0)).orElseThrow();
        Instant expired = T0.plus(LEASE).plusSeconds(1);
        DeliveryClaims.Attempt current = inTransaction(c -> other.claim(c, delivery, expired)).orElseThrow();

        DeliveryClaims.Outcome late = inTransaction(c -> slow.recordOutcome(c, stale, 204, null, expired.plusSeconds(1)));

        assertInstanceOf(DeliveryClaims.Outcome.ClaimLost.class, late);
        Row unchanged = row(delivery);
        assertEquals("PENDING", unchanged.status(), "the late outcome changed nothing");
        assertEquals(0, unchanged.attempts());
        assertEquals("other", unchanged.claimedBy());

        assertEquals(new DeliveryClaims.Outcome.Delivered(),
                inTransaction(c -> other.recordOutcome(c, current, 200, null, expired.plusSeconds(2))));
        assertEquals(1, row(delivery).attempts(), "one attempt recorded");
    }

    @Test
    void reclaimedClaimDropsOlderOutcome() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);
        DeliveryClaims.Attempt older = inTransaction(c -> server.claim(c, delivery, T0)).orElseThrow();
        Instant expired = T0.plus(LEASE).plusSeconds(1);
        DeliveryClaims.Attempt newer = inTransaction(c -> server.claim(c, delivery, expired)).orElseThrow();
        assertEquals("server", newer.takenOverFrom());

        assertEquals(new DeliveryClaims.Outcome.Retry(Duration.ofSeconds(2)),
                inTransaction(c -> server.recordOutcome(c, newer, 500, "HTTP 500", expired.plusSeconds(1))));
        assertInstanceOf(DeliveryClaims.Outcome.ClaimLost.class,
                inTransaction(c -> server.recordOutcome(c, older, 500, "HTTP 500", expired.plusSeconds(2))),
                "the older attempt's outcome finds the attempt count changed");
        assertEquals(1, row(delivery).attempts());
    }

    @Test
    void lastFailedAttemptFailsDelivery() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);
        Instant now = T0;
        for (int attempt = 1; attempt <= RetryPolicy.MAX_ATTEMPTS; attempt++) {
            Instant at = now;
            DeliveryClaims.Attempt claimed = inTransaction(c -> server.claim(c, delivery, at)).orElseThrow();
            DeliveryClaims.Outcome outcome = inTransaction(c -> server.recordOutcome(c, claimed, null,
                    "ConnectException", at));
            if (attempt < RetryPolicy.MAX_ATTEMPTS) {
                now = row(delivery).nextAttemptAt();
                assertInstanceOf(DeliveryClaims.Outcome.Retry.class, outcome, "outcome of attempt " + attempt);
            } else {
                assertEquals(new DeliveryClaims.Outcome.Failed(), outcome);
            }
        }
        Row row = row(delivery);
        assertEquals("FAILED", row.status());
        assertEquals(RetryPolicy.MAX_ATTEMPTS, row.attempts());
        assertNull(row.lastStatusCode());
        assertNull(row.nextAttemptAt());
        assertNull(row.claimedBy());
    }

    @Test
    void disabledWebhookFailsDeliveryWithoutAttempt() throws Exception {
        long delivery = insertDelivery(insertWebhook(false), T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);

        assertEquals(Optional.empty(), inTransaction(c -> server.claim(c, delivery, T0)));

        Row row = row(delivery);
        assertEquals("FAILED", row.status());
        assertEquals(1, row.attempts());
        assertEquals(DeliveryClaims.DISABLED_ERROR, row.lastError());
        assertNull(row.claimedBy());
    }

    @Test
    void sweepListsDueDeliveriesWithoutLiveClaim() throws Exception {
        long webhook = insertWebhook(true);
        long free = insertDelivery(webhook, T0);
        long claimed = insertDelivery(webhook, T0);
        long expired = insertDelivery(webhook, T0.minusSeconds(120));
        long later = insertDelivery(webhook, T0.plusSeconds(60));
        long delivered = insertDelivery(webhook, T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);
        DeliveryClaims dead = new DeliveryClaims("dead", LEASE);
        inTransaction(c -> server.claim(c, claimed, T0)).orElseThrow();
        inTransaction(c -> dead.claim(c, expired, T0.minus(LEASE).minusSeconds(1))).orElseThrow();
        DeliveryClaims.Attempt done = inTransaction(c -> server.claim(c, delivered, T0)).orElseThrow();
        inTransaction(c -> server.recordOutcome(c, done, 200, null, T0));

        assertEquals(List.of(expired, free), inTransaction(c -> server.due(c, T0.plusSeconds(1), 10)),
                "longest due first");
        assertEquals(List.of(expired), inTransaction(c -> server.due(c, T0.plusSeconds(1), 1)), "limited to one");
        assertTrue(inTransaction(c -> server.due(c, T0.plusSeconds(1), 10)).stream().noneMatch(id -> id == later),
                "a delivery due later is left alone");
    }

    @Test
    void longErrorIsCut() throws Exception {
        long delivery = insertDelivery(insertWebhook(true), T0);
        DeliveryClaims server = new DeliveryClaims("server", LEASE);
        DeliveryClaims.Attempt attempt = inTransaction(c -> server.claim(c, delivery, T0)).orElseThrow();

        inTransaction(c -> server.recordOutcome(c, attempt, null, "x".repeat(5000), T0));

        String stored = row(delivery).lastError();
        assertEquals(DeliveryClaims.MAX_ERROR, stored.length());
        assertTrue(stored.endsWith("..."), stored.substring(stored.length() - 10));
    }

    @Test
    void instanceIdsDifferPerStartAndFitColumn() {
        String first = InstanceId.create();
        String second = InstanceId.create();
        assertTrue(first.length() <= InstanceId.MAX_LENGTH, first);
        assertTrue(first.contains(":" + ProcessHandle.current().pid() + ":"), first);
        assertTrue(!first.equals(second), first + " and " + second);
    }

    /** One row of webhook_delivery as stored. */
    record Row(String status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
               Instant deliveredAt, String claimedBy, Instant claimedUntil) {
    }

    private Row row(long delivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT status, attempts, last_status_code, last_error,"
                     + " next_attempt_at, delivered_at, claimed_by, claimed_until FROM webhook_delivery WHERE id = ?")) {
            read.setLong(1, delivery);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), "delivery " + delivery + " exists");
                int code = row.getInt(3);
                Integer lastStatusCode = row.wasNull() ? null : code;
                return new Row(row.getString(1), row.getInt(2), lastStatusCode, row.getString(4),
                        instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), row.getString(7),
                        instant(row.getTimestamp(8)));
            }
        }
    }

    private long insertWebhook(boolean enabled) throws SQLException {
        long id = nextId++;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook (id, url, secret, enabled,"
                     + " created_by, created_at) VALUES (?, 'http://127.0.0.1:9/hook', 'secret', ?, 'admin', ?)")) {
            insert.setLong(1, id);
            insert.setBoolean(2, enabled);
            insert.setTimestamp(3, Timestamp.from(T0));
            insert.executeUpdate();
        }
        return id;
    }

    private long insertDelivery(long webhook, Instant due) throws SQLException {
        long id = nextId++;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_delivery (id, webhook_id,"
                     + " event_id, document_id, payload, attempts, status, next_attempt_at)"
                     + " VALUES (?, ?, ?, 1, ?, 0, 'PENDING', ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, webhook);
            insert.setString(3, "e-" + id);
            insert.setString(4, "{\"eventId\":\"e-" + id + "\"}");
            insert.setTimestamp(5, Timestamp.from(due));
            insert.executeUpdate();
        }
        return id;
    }

    /** A step on one connection, as DeliveryClaims' methods are. */
    interface Step<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the step in a READ COMMITTED transaction of its own, as the application's data source does. */
    private <T> T inTransaction(Step<T> step) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                T result = step.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
