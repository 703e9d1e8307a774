package org.lotkeeper.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's data sources, chosen by MicroProfile Config so that one WAR runs on embedded
 * Derby or on PostgreSQL:
 *
 * <ul>
 * <li>{@code lotkeeper.db.datasource}: the {@code javax.sql.DataSource} class, by default
 * {@code org.apache.derby.jdbc.EmbeddedDataSource}; {@code org.postgresql.ds.PGSimpleDataSource}
 * for PostgreSQL.</li>
 * <li>{@code lotkeeper.db.name}: the database name, by default the Derby directory
 * {@code lotkeeper.db.dir} (environment variable {@code LOTKEEPER_DB_DIR}).</li>
 * <li>{@code lotkeeper.db.url}: the JDBC URL. PostgreSQL's data source takes the server, port and
 * database from it; Derby's has no URL property and ignores it.</li>
 * <li>{@code lotkeeper.db.user} and {@code lotkeeper.db.password}.</li>
 * </ul>
 *
 * The defaults are in {@code META-INF/microprofile-config.properties}. Driver jars must be on the
 * server's class path, not in the WAR, so that a redeploy does not find the database still held by
 * the old class loader. Properties that a data source class does not have, such as Derby's
 * {@code createDatabase} on PostgreSQL, are ignored by Payara.
 *
 * <p>A second, non-transactional pool on the same database serves the allocation of id blocks,
 * which commit on their own outside the posting transaction, and reads outside transactions.
 */
@DataSourceDefinition(
        name = DataSourceConfig.IDS,
        className = "${MPCONFIG=lotkeeper.db.datasource}",
        databaseName = "${MPCONFIG=lotkeeper.db.name}",
        url = "${MPCONFIG=lotkeeper.db.url}",
        user = "${MPCONFIG=lotkeeper.db.user}",
        password = "${MPCONFIG=lotkeeper.db.password}",
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 8,
        properties = {"createDatabase=create"})
@DataSourceDefinition(
        name = "java:app/jdbc/lotkeeper",
        className = "${MPCONFIG=lotkeeper.db.datasource}",
        databaseName = "${MPCONFIG=lotkeeper.db.name}",
        url = "${MPCONFIG=lotkeeper.db.url}",
        user = "${MPCONFIG=lotkeeper.db.user}",
        password = "${MPCONFIG=lotkeeper.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED,
        properties = {"createDatabase=create"})
@ApplicationScoped
public class DataSourceConfig {

    /** JNDI name of the pool used for id blocks. */
    public static final String IDS = "java:app/jdbc/lotkeeper-ids";
}
