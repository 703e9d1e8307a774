package org.lotkeeper.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The raw JDBC baseline of a posting: the writes Lotkeeper's posting engine makes for a document,
 * without its checks, plugins, JPA or HTTP. In one transaction it locks the lots in ascending id
 * order with the statement EclipseLink issues on the database for a pessimistic write lock
 * ({@link BenchmarkDatabase#lockLotStatement()}), inserts the
 * document and its ledger entries, updates the lot balances and commits. Ids come from a block
 * reserved in {@code id_block} beforehand, as Lotkeeper takes them outside the posting.
 */
final class JdbcPoster implements AutoCloseable {

    static final String INSERT_DOCUMENT = "INSERT INTO adjustment_document (id, type_id, status, effective_date,"
            + " effective_at, fields_json, created_by, created_at, posted_by, posted_at, value_effect)"
            + " VALUES (?, ?, 'POSTED', ?, ?, '{}', ?, ?, ?, ?, ?)";

    static final String INSERT_ENTRY = "INSERT INTO ledger_entry (id, lot_id, document_id, line_no, type_id, quantity,"
            + " stock_value, effective_at, posted_at, posted_by, reason_code, cost_source, attributes_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')";

    private static final String UPDATE_LOT = "UPDATE lot SET quantity = ?, stock_value = ?, last_effective_at = ? WHERE id = ?";
    private static final String USER = "benchmark-jdbc";

    private final Connection connection;
    private final PreparedStatement lock;
    private final PreparedStatement document;
    private final PreparedStatement entry;
    private final PreparedStatement update;
    private final ZoneId zone = ZoneId.systemDefault();
    private long nextDocumentId;
    private long nextEntryId;

    /**
     * Prepares the statements, locking lots with {@code lockLot}, and reserves ids for
     * {@code documents} documents of {@code lines} lines.
     */
    JdbcPoster(Connection connection, String lockLot, int documents, int lines) throws SQLException {
        this.connection = connection;
        nextDocumentId = reserve(connection, "adjustment_document", documents);
        nextEntryId = reserve(connection, "ledger_entry", (long) documents * lines);
        lock = connection.prepareStatement(lockLot);
        document = connection.prepareStatement(INSERT_DOCUMENT);
        entry = connection.prepareStatement(INSERT_ENTRY);
        update = connection.prepareStatement(UPDATE_LOT);
    }

    /** Posts one document and returns its id. */
    long post(DocumentSpec spec) throws SQLException {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        long documentId = nextDocumentId++;

        Map<Long, long[]> balances = lockInAscendingOrder(spec);
        BigDecimal valueEffect = BigDecimal.ZERO;
        int lineNo = 0;
        for (long lotId : spec.lots()) {
            long[] balance = balances.get(lotId);
            long cents = spec.delta() * balance[2];
            balance[0] += spec.delta();
            balance[1] += cents;
            valueEffect = valueEffect.add(BigDecimal.valueOf(cents, 2));
            bindEntry(entry, nextEntryId++, lotId, documentId, lineNo++, spec.type(), spec.delta(), cents, at, USER,
                    spec.damage() ? "lot cost" : "given unit cost " + BigDecimal.valueOf(balance[2], 2));
            entry.addBatch();
        }

        bindDocument(document, documentId, spec.type(), LocalDate.ofInstant(now, zone), at, USER,
                valueEffect.movePointRight(2).longValueExact());
        document.executeUpdate();
        entry.executeBatch();
        for (Map.Entry<Long, long[]> lot : balances.entrySet()) {
            update.setLong(1, lot.getValue()[0]);
            update.setBigDecimal(2, BigDecimal.valueOf(lot.getValue()[1], 2));
            update.setTimestamp(3, at);
            update.setLong(4, lot.getKey());
            update.addBatch();
        }
        update.executeBatch();
        connection.commit();
        return documentId;
    }

    /** Returns quantity, value in cents and unit cost in cents of each lot, read under the lock. */
    private Map<Long, long[]> lockInAscendingOrder(DocumentSpec spec) throws SQLException {
        Map<Long, long[]> balances = new HashMap<>();
        for (long lotId : new TreeSet<>(spec.lots())) {
            lock.setLong(1, lotId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Lot " + lotId + " does not exist in the benchmark database.");
                }
                long unitCostCents = row.getBigDecimal(3).setScale(2, RoundingMode.UNNECESSARY).movePointRight(2)
                        .longValueExact();
                balances.put(lotId, new long[] {row.getBigDecimal(1).longValueExact(),
                        row.getBigDecimal(2).movePointRight(2).longValueExact(), unitCostCents});
            }
        }
        return balances;
    }

    static void bindDocument(PreparedStatement statement, long id, String type, LocalDate date, Timestamp at,
                             String user, long valueEffectCents) throws SQLException {
        statement.setLong(1, id);
        statement.setString(2, type);
        statement.setDate(3, java.sql.Date.valueOf(date));
        statement.setTimestamp(4, at);
        statement.setString(5, user);
        statement.setTimestamp(6, at);
        statement.setString(7, user);
        statement.setTimestamp(8, at);
        statement.setBigDecimal(9, BigDecimal.valueOf(valueEffectCents, 2));
    }

    static void bindEntry(PreparedStatement statement, long id, long lotId, long documentId, int lineNo, String type,
                          long quantity, long valueCents, Timestamp at, String user, String costSource)
            throws SQLException {
        statement.setLong(1, id);
        statement.setLong(2, lotId);
        statement.setLong(3, documentId);
        statement.setInt(4, lineNo);
        statement.setString(5, type);
        statement.setBigDecimal(6, BigDecimal.valueOf(quantity));
        statement.setBigDecimal(7, BigDecimal.valueOf(valueCents, 2));
        statement.setTimestamp(8, at);
        statement.setTimestamp(9, at);
        statement.setString(10, user);
        if (quantity < 0) {
            statement.setString(11, "BROKEN");
        } else {
            statement.setNull(11, Types.VARCHAR);
        }
        statement.setString(12, costSource);
    }

    /** Takes {@code count} ids of a block in its own transaction and returns the first. */
    static long reserve(Connection connection, String block, long count) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE id_block SET next_value = next_value + ? WHERE block_name = ?");
             PreparedStatement read = connection.prepareStatement("SELECT next_value FROM id_block WHERE block_name = ?")) {
            take.setLong(1, count);
            take.setString(2, block);
            take.executeUpdate();
            read.setString(1, block);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                long last = row.getLong(1);
                connection.commit();
                return last - count + 1;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        lock.close();
        document.close();
        entry.close();
        update.close();
    }
}
