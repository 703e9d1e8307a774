package org.lotkeeper.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Applies the migration scripts {@code db/migration/V<n>__<description>.sql} that the database
 * has not seen yet, in version order, each in its own transaction, and records them in the
 * {@code schema_version} table. Scripts are listed in {@link #SCRIPTS} because class-path
 * directory listing is not portable across class loaders.
 *
 * <p>Several servers may start at once on one database. Each script is applied while holding an
 * exclusive lock on {@code schema_version} (a statement that Derby and PostgreSQL both accept), and
 * the applied versions are read again under that lock, so every script runs exactly once.
 *
 * <p>Scripts are written in SQL that both databases accept, with one exception: PostgreSQL has no
 * {@code BLOB} type, so on PostgreSQL the word {@code BLOB} in a statement becomes {@code BYTEA}.
 * Do not use it as a name or inside a string literal.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    /**
     * Migration scripts in ascending version order. Append new ones; never edit an applied one. A
     * script is applied when its version is missing from {@code schema_version}, so a version
     * inserted below a higher one that a database already has is still applied there, after it.
     */
    static final List<String> SCRIPTS = List.of("V1__ledger.sql", "V2__count_sheets.sql", "V3__webhooks.sql",
            "V4__lot_list_indexes.sql", "V5__ledger_reason_index.sql", "V6__lot_last_counted.sql",
            "V7__webhook_delivery_claims.sql", "V8__plugin_jars.sql");

    private static final Pattern BLOB = Pattern.compile("\\bBLOB\\b", Pattern.CASE_INSENSITIVE);

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies every pending migration and returns how many were applied. */
    public int migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ensureVersionTable(connection);

            int count = 0;
            for (String script : SCRIPTS) {
                int version = versionOf(script);
                lockVersionTable(connection);
                if (appliedVersions(connection).contains(version)) {
                    continue;
                }
                apply(connection, script, version);
                count++;
            }
            // Reading the applied versions opened a transaction; end it before the connection closes.
            connection.commit();
            int appliedNow = count;
            LOG.info(() -> "Schema is current: " + SCRIPTS.size() + " migrations, " + appliedNow + " applied now");
            return appliedNow;
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean exists;
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            exists = false;
            while (tables.next()) {
                if ("schema_version".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    exists = true;
                }
            }
        }
        if (!exists) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY,"
                        + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                connection.commit();
            } catch (SQLException e) {
                // Another server starting at the same moment may have created it first.
                connection.rollback();
                if (!versionTableReadable(connection)) {
                    throw e;
                }
                LOG.info("Table schema_version was created by another server meanwhile");
            }
        }
    }

    private static boolean versionTableReadable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM schema_version").close();
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            return false;
        }
    }

    /** Locks out other migrators until this transaction ends; readers of other tables go on. */
    private static void lockVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
        }
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static void apply(Connection connection, String script, int version) throws SQLException {
        LOG.info(() -> "Applying schema migration " + script);
        try (Statement statement = connection.createStatement()) {
            boolean postgres = isPostgres(connection);
            for (String sql : statements(read(script))) {
                statement.executeUpdate(postgres ? forPostgres(sql) : sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setTimestamp(3, Timestamp.from(Instant.now()));
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migration " + script + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Splits a script into statements at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Returns a statement with the standard type {@code BLOB} replaced by PostgreSQL's {@code BYTEA}. */
    static String forPostgres(String sql) {
        return BLOB.matcher(sql).replaceAll("BYTEA");
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String read(String script) {
        String resource = "db/migration/" + script;
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration script not found on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
