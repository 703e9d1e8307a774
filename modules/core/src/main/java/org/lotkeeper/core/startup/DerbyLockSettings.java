package org.lotkeeper.core.startup;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Raises Derby's lock escalation threshold for the database, so that a large posting keeps its
 * row locks instead of locking whole tables.
 *
 * <p>Once a transaction holds more row locks than {@code derby.locks.escalationThreshold}
 * (default 5,000), Derby tries to replace them with a table lock, and gets it whenever no other
 * transaction holds a lock on that table at that moment (Derby tuning guide, "Transaction-based
 * lock escalation"). A stocktake of 10,000 lots holds more row locks than that on {@code lot},
 * {@code ledger_entry}, {@code request_line} and {@code lot_count}, so with the default a posting
 * on any other lot could wait until the stocktake committed. PostgreSQL never escalates row locks,
 * so nothing is set there.
 *
 * <p>Derby reads the threshold when a connection opens and keeps it for the connection's life.
 * Connections that the pools opened before this setting, on the first start of a new database,
 * keep the default; {@code deploy/run} therefore also passes the threshold as a system property,
 * which reaches every connection. Without it, the setting covers all connections from the next
 * start on, and a warning reports the gap.
 */
final class DerbyLockSettings {

    private static final Logger LOG = Logger.getLogger(DerbyLockSettings.class.getName());

    /** Derby property, set database-wide; a JVM system property of the same name still overrides it. */
    static final String ESCALATION_THRESHOLD = "derby.locks.escalationThreshold";

    /**
     * Row locks a transaction may hold before Derby tries table locks. A posting takes about four
     * per line (lot, ledger entry, request line, counted lot), so this leaves room for a document
     * of {@code AdjustmentService.MAX_LINES} (20,000) lines with a margin of three.
     */
    static final int THRESHOLD = 250_000;

    private DerbyLockSettings() {
    }

    /** Sets the threshold when the data source is a Derby database and has another value. */
    static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().startsWith("Apache Derby")) {
                return;
            }
            String current = currentValue(connection);
            if (Integer.toString(THRESHOLD).equals(current)) {
                return;
            }
            try (CallableStatement set = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                set.setString(1, ESCALATION_THRESHOLD);
                set.setString(2, Integer.toString(THRESHOLD));
                set.execute();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info(() -> "Set the Derby database property " + ESCALATION_THRESHOLD + " to " + THRESHOLD
                    + " (was " + (current == null ? "the default, 5000" : current) + ")");
            if (System.getProperty(ESCALATION_THRESHOLD) == null) {
                LOG.warning(() -> "Database connections opened before this start-up step keep Derby's lock escalation"
                        + " threshold of " + (current == null ? "5000" : current) + " until the server restarts;"
                        + " pass -D" + ESCALATION_THRESHOLD + "=" + THRESHOLD + " to the JVM to cover them too");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Setting the Derby property " + ESCALATION_THRESHOLD + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String currentValue(Connection connection) throws SQLException {
        try (PreparedStatement get = connection.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            get.setString(1, ESCALATION_THRESHOLD);
            try (ResultSet row = get.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
