package org.lotkeeper.benchmark;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The benchmark's embedded Derby database, opened in this JVM. Embedded Derby lets one JVM at a
 * time open a database directory, so {@link #shutdown()} must run before a server opens it. The
 * server finds it as {@code DIR/db} of {@code deploy/run --data DIR}, so it needs no arguments.
 */
final class Database implements BenchmarkDatabase {

    private final Path directory;
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    Database(Path directory) {
        this.directory = directory;
        dataSource.setDatabaseName(directory.toString());
        dataSource.setCreateDatabase("create");
        // The locale a server started by deploy/run creates its database with. Under another
        // one, such as plain "en", Derby throws and catches exceptions for each sort it runs.
        dataSource.setConnectionAttributes("territory=en_US");
    }

    @Override
    public String name() {
        return "derby";
    }

    @Override
    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    @Override
    public String lockLotStatement() {
        return "SELECT quantity, stock_value, unit_cost FROM lot WHERE id = ? FOR UPDATE WITH RS";
    }

    @Override
    public void release() {
        shutdown();
    }

    @Override
    public List<String> serverArguments() {
        return List.of();
    }

    /** Shuts the database down, which releases its directory lock and empties its page cache. */
    void shutdown() {
        try {
            DriverManager.getConnection("jdbc:derby:" + directory + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a successful shutdown of one database with SQLState 08006.
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Derby shutdown of " + directory + " failed: " + e.getMessage(), e);
            }
        }
    }
}
