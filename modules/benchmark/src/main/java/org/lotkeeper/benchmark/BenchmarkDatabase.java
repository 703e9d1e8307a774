package org.lotkeeper.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * A database that the benchmark fills, measures its JDBC baselines on and then hands to a
 * Lotkeeper server. Each implementation contains what differs between the database products, so
 * that the generator, the baselines and the run itself stay the same for all of them.
 */
interface BenchmarkDatabase {

    /** The name used in results and file names, such as {@code derby}. */
    String name();

    DataSource dataSource();

    /** Opens a connection with the isolation level of the server's pool and auto-commit off. */
    default Connection connect() throws SQLException {
        Connection connection = dataSource().getConnection();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Returns the statement that reads a lot's quantity, value and unit cost by id under a write
     * lock, as EclipseLink issues it on this database for a pessimistic write lock.
     */
    String lockLotStatement();

    /** Releases the database, so that a server can open it. Idempotent. */
    void release();

    /** Returns the arguments that point {@code deploy/run} at this database, after {@code --data DIR}. */
    List<String> serverArguments();
}
