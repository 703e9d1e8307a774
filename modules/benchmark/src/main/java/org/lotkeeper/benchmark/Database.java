package org.lotkeeper.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The benchmark's embedded Derby database, opened in this JVM. Embedded Derby lets one JVM at a
 * time open a database directory, so {@link #shutdown()} must run before a server opens it.
 */
final class Database {

    private final Path directory;
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    Database(Path directory) {
        this.directory = directory;
        dataSource.setDatabaseName(directory.toString());
        dataSource.setCreateDatabase("create");
    }

    EmbeddedDataSource dataSource() {
        return dataSource;
    }

    /** Opens a connection with the isolation level of the server's pool and auto-commit off. */
    Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        return connection;
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
