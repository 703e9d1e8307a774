package org.lotkeeper.core.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.core.schema.SchemaMigrator;

/**
 * Checks on Derby that the id queries of {@link LotService#list} read one page from the lot list
 * indexes, without sorting the lots. The statements are the ones EclipseLink sends for the lists
 * with stock in id order and in expiry order, as Derby's query plan log showed them.
 */
class LotListPlanTest {

    private static final int LOTS = 3_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    static Path directory;

    private static Connection connection;

    @BeforeAll
    static void createLots() throws SQLException {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.resolve("db").toString());
        derby.setCreateDatabase("create");
        new SchemaMigrator(derby).migrate();
        connection = derby.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO location (id, code, name) VALUES (1, 'L1', 'Shelf')");
            statement.executeUpdate("INSERT INTO product (id, sku, name, category, unit, decimals, tracking, assembly,"
                    + " active) VALUES (1, 'P1', 'Product', 'Test', 'pcs', 0, 'LOT', FALSE, TRUE)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lot (id, product_id, code,"
                + " location_id, expiry_date, lot_condition, quantity, stock_value, created_at)"
                + " VALUES (?, 1, ?, 1, ?, 'ok', ?, 0, ?)")) {
            for (int id = 1; id <= LOTS; id++) {
                insert.setLong(1, id);
                insert.setString(2, "C" + id);
                insert.setDate(3, id % 3 == 0 ? null : Date.valueOf(TODAY.plusDays(id % 400)));
                // Every fourth lot is empty, so the stock filter has rows to skip.
                insert.setBigDecimal(4, BigDecimal.valueOf(id % 4 == 0 ? 0 : id % 50 + 1));
                insert.setTimestamp(5, Timestamp.valueOf(TODAY.atStartOfDay()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void withStockPageReadsIdIndex() throws SQLException {
        List<Long> expected = LongStream.rangeClosed(1, LOTS).filter(id -> id % 4 != 0).skip(30).limit(25).boxed()
                .toList();

        String plan = planOf("SELECT ID AS a1 FROM lot WHERE (quantity > ?) ORDER BY ID ASC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", List.of(BigDecimal.ZERO, 30, 25), expected);

        assertTrue(plan.contains("using index LOT_ID_QUANTITY_IDX"), plan);
        assertFalse(plan.contains("Sort ResultSet"), plan);
        assertFalse(plan.contains("Table Scan ResultSet"), plan);
    }

    @Test
    void expiryPageReadsExpiryIndex() throws SQLException {
        List<Long> expected = LongStream.rangeClosed(1, LOTS).filter(id -> id % 3 != 0 && id % 4 != 0).boxed()
                .sorted(Comparator.comparingLong((Long id) -> id % 400).thenComparingLong(id -> id)).limit(50).toList();

        String plan = planOf("SELECT ID AS a1 FROM lot WHERE ((expiry_date <= ?) AND (quantity > ?))"
                + " ORDER BY expiry_date ASC, ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(Date.valueOf(TODAY.plusDays(3650)), BigDecimal.ZERO, 0, 50), expected);

        assertTrue(plan.contains("using index LOT_EXPIRY_ID_QUANTITY_IDX"), plan);
        assertFalse(plan.contains("Sort ResultSet"), plan);
        assertFalse(plan.contains("Table Scan ResultSet"), plan);
    }

    /** Runs an id query with Derby's run-time statistics on, checks the ids it returns and returns its plan. */
    private String planOf(String sql, List<Object> parameters, List<Long> expectedIds) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        assertEquals(expectedIds, ids, "ids of " + sql);
        try (Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            assertTrue(plan.next(), "Derby returned no plan");
            return plan.getString(1);
        }
    }
}
