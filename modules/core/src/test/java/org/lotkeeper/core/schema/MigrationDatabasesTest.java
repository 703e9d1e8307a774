package org.lotkeeper.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs every migration on a fresh database of each supported kind, twice, to show the scripts are
 * portable and the runner applies each script once. PostgreSQL runs when the system property
 * {@code lotkeeper.test.postgres} gives a JDBC URL of an empty database, such as
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=lk}.
 */
class MigrationDatabasesTest {

    @TempDir
    Path directory;

    @Test
    void migrationsRunOnDerby() throws SQLException {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.resolve("db").toString());
        derby.setCreateDatabase("create");

        assertMigratesOnce(derby);
    }

    @Test
    void concurrentMigratorsApplyEachScriptOnce() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.resolve("shared").toString());
        derby.setCreateDatabase("create");
        derby.getConnection().close();

        int servers = 4;
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(servers)) {
            for (int i = 0; i < servers; i++) {
                results.add(pool.submit(() -> new SchemaMigrator(derby).migrate()));
            }
        }
        int applied = 0;
        for (Future<Integer> result : results) {
            applied += result.get();
        }

        assertEquals(SchemaMigrator.SCRIPTS.size(), applied, "the migrators together apply each script once");
        try (Connection connection = derby.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rows.next();
            assertEquals(SchemaMigrator.SCRIPTS.size(), rows.getInt(1), "one schema_version row per script");
        }
    }

    @Test
    void migrationsRunOnPostgres() throws SQLException {
        String url = System.getProperty("lotkeeper.test.postgres");
        assumeTrue(url != null && !url.isBlank(),
                "skipped: set -Dlotkeeper.test.postgres to the JDBC URL of an empty PostgreSQL database");
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(url);

        assertMigratesOnce(postgres);
    }

    private static void assertMigratesOnce(DataSource dataSource) throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        assertEquals(SchemaMigrator.SCRIPTS.size(), migrator.migrate(), "every script applies on an empty database");
        assertEquals(0, migrator.migrate(), "a second run applies nothing");

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM id_block")) {
            rows.next();
            assertEquals(14, rows.getInt(1), "one id block row per table with generated ids");
        }
    }
}
