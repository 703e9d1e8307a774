package org.lotkeeper.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.postgresql.ds.PGSimpleDataSource;

import org.lotkeeper.sandbox.PostgresServer;

/**
 * The benchmark's PostgreSQL database: the database {@code postgres} of a private
 * {@link PostgresServer}, reached over TCP on loopback with the same driver and data source class
 * that {@code deploy/run --db-url} gives the server. PostgreSQL serves the benchmark and
 * Lotkeeper at the same time, so {@link #release()} does nothing.
 */
final class PostgresDatabase implements BenchmarkDatabase {

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final PostgresServer server;
    private final Path passwordFile;

    /** Uses the running {@code server} and writes its password to {@code passwordFile} for {@code deploy/run}. */
    PostgresDatabase(PostgresServer server, Path passwordFile) throws IOException {
        this.server = server;
        this.passwordFile = server.writePasswordFile(passwordFile);
        dataSource.setUrl(server.url());
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(server.password());
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns the statement with {@code FOR UPDATE}: EclipseLink's {@code PostgreSQLPlatform} keeps
     * the {@code getSelectForUpdateString()} of {@code DatabasePlatform}, which returns it (checked
     * in the EclipseLink of Payara Micro 7.2026.11).
     */
    @Override
    public String lockLotStatement() {
        return "SELECT quantity, stock_value, unit_cost FROM lot WHERE id = ? FOR UPDATE";
    }

    @Override
    public void release() {
        // The benchmark closes each of its connections after each step.
    }

    @Override
    public List<String> serverArguments() {
        return List.of("--db-url", server.url(), "--db-user", PostgresServer.USER,
                "--db-password-file", passwordFile.toString());
    }
}
