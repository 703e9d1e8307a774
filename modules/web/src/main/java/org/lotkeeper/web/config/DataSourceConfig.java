package org.lotkeeper.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's data source: embedded Derby in the directory given by the MicroProfile
 * Config property {@code lotkeeper.db.dir} (environment variable {@code LOTKEEPER_DB_DIR}),
 * created on first use. Derby's jars must be on the server's class path, not in the WAR, so that
 * a redeploy does not find the database still held by the old class loader.
 *
 * <p>A second, non-transactional pool on the same database serves the allocation of id blocks,
 * which commit on their own outside the posting transaction, and reads outside transactions.
 */
@DataSourceDefinition(
        name = DataSourceConfig.IDS,
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "${MPCONFIG=lotkeeper.db.dir}",
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 8,
        properties = {"createDatabase=create"})
@DataSourceDefinition(
        name = "java:app/jdbc/lotkeeper",
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "${MPCONFIG=lotkeeper.db.dir}",
        minPoolSize = 2,
        maxPoolSize = 32,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED,
        properties = {"createDatabase=create"})
@ApplicationScoped
public class DataSourceConfig {

    /** JNDI name of the pool used for id blocks. */
    public static final String IDS = "java:app/jdbc/lotkeeper-ids";
}
