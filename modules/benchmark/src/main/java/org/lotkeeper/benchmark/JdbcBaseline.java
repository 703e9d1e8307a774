package org.lotkeeper.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The raw JDBC baselines, run in the benchmark's JVM on the benchmark's database. */
final class JdbcBaseline {

    /** The result of an as-of read: the latencies and what the last read returned. */
    record AsOfResult(Latencies latencies, BigDecimal quantity, int rows) {
    }

    private final BenchmarkDatabase database;

    JdbcBaseline(BenchmarkDatabase database) {
        this.database = database;
    }

    /** Posts the documents one after another, one transaction each, timing all but the first {@code warmup}. */
    Latencies postOneByOne(List<DocumentSpec> documents, int warmup) throws SQLException {
        Latencies latencies = new Latencies();
        try (Connection connection = database.connect();
             JdbcPoster poster = new JdbcPoster(connection, database.lockLotStatement(), documents.size(),
                     Layout.LINES)) {
            long measuredFrom = 0;
            for (int i = 0; i < documents.size(); i++) {
                if (i == warmup) {
                    measuredFrom = System.nanoTime();
                }
                long start = System.nanoTime();
                poster.post(documents.get(i));
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            latencies.setWallNanos(System.nanoTime() - measuredFrom);
        }
        return latencies;
    }

    /** Reads one lot's balance by primary key, {@code warmup + count} times, each in its own transaction. */
    AsOfResult primaryKeyRead(long lotId, int warmup, int count) throws SQLException {
        Latencies latencies = new Latencies();
        BigDecimal quantity = null;
        try (Connection connection = database.connect();
             PreparedStatement read = connection.prepareStatement("SELECT quantity, stock_value FROM lot WHERE id = ?")) {
            long measuredFrom = 0;
            for (int i = 0; i < warmup + count; i++) {
                if (i == warmup) {
                    measuredFrom = System.nanoTime();
                }
                long start = System.nanoTime();
                read.setLong(1, lotId);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    quantity = row.getBigDecimal(1);
                }
                connection.commit();
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            latencies.setWallNanos(System.nanoTime() - measuredFrom);
        }
        return new AsOfResult(latencies, quantity, 1);
    }

    /**
     * Computes one lot's quantity at the end of a past instant the way Lotkeeper defines it: the
     * current balance minus the entries effective after that instant.
     */
    AsOfResult asOfOneLot(long lotId, Instant end, int warmup, int count) throws SQLException {
        Latencies latencies = new Latencies();
        BigDecimal quantity = null;
        try (Connection connection = database.connect();
             PreparedStatement read = connection.prepareStatement("SELECT l.quantity - COALESCE((SELECT SUM(e.quantity)"
                     + " FROM ledger_entry e WHERE e.lot_id = l.id AND e.effective_at > ?), 0) FROM lot l WHERE l.id = ?")) {
            long measuredFrom = 0;
            for (int i = 0; i < warmup + count; i++) {
                if (i == warmup) {
                    measuredFrom = System.nanoTime();
                }
                long start = System.nanoTime();
                read.setTimestamp(1, Timestamp.from(end));
                read.setLong(2, lotId);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    quantity = row.getBigDecimal(1);
                }
                connection.commit();
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            latencies.setWallNanos(System.nanoTime() - measuredFrom);
        }
        return new AsOfResult(latencies, quantity, 1);
    }

    /** Computes every lot's non-zero quantity at the end of a past instant, with the same two queries as Lotkeeper. */
    AsOfResult asOfAllLots(Instant end, int warmup, int count) throws SQLException {
        Latencies latencies = new Latencies();
        int rows = 0;
        try (Connection connection = database.connect();
             PreparedStatement later = connection.prepareStatement("SELECT lot_id, SUM(quantity), SUM(stock_value)"
                     + " FROM ledger_entry WHERE effective_at > ? GROUP BY lot_id");
             PreparedStatement lots = connection.prepareStatement("SELECT id, quantity, stock_value FROM lot")) {
            long measuredFrom = 0;
            for (int i = 0; i < warmup + count; i++) {
                if (i == warmup) {
                    measuredFrom = System.nanoTime();
                }
                long start = System.nanoTime();
                rows = allLots(later, lots, end);
                connection.commit();
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            latencies.setWallNanos(System.nanoTime() - measuredFrom);
        }
        return new AsOfResult(latencies, null, rows);
    }

    private static int allLots(PreparedStatement later, PreparedStatement lots, Instant end) throws SQLException {
        Map<Long, BigDecimal> after = new HashMap<>();
        later.setTimestamp(1, Timestamp.from(end));
        try (ResultSet row = later.executeQuery()) {
            while (row.next()) {
                after.put(row.getLong(1), row.getBigDecimal(2));
            }
        }
        int nonZero = 0;
        try (ResultSet row = lots.executeQuery()) {
            while (row.next()) {
                BigDecimal quantity = row.getBigDecimal(2).subtract(after.getOrDefault(row.getLong(1), BigDecimal.ZERO));
                if (quantity.signum() != 0) {
                    nonZero++;
                }
            }
        }
        return nonZero;
    }
}
