package org.lotkeeper.core.startup;

import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.core.plugins.TypeCallPolicy;
import org.lotkeeper.core.plugins.TypeInvoker;
import org.lotkeeper.core.plugins.TypeRegistry;
import org.lotkeeper.core.schema.SchemaMigrator;
import org.lotkeeper.core.security.UserService;
import org.lotkeeper.core.webhooks.WebhookDispatcher;

/**
 * Prepares the database before the application serves anything: checks the settings of type calls,
 * applies pending migrations, raises Derby's lock escalation threshold, starts the sweep that
 * resumes pending webhook deliveries, creates the first admin when there is no user and registers
 * the adjustment types.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    /** JNDI name of the application's data source. */
    public static final String DATA_SOURCE = "java:app/jdbc/lotkeeper";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UserService users;

    @Inject
    TypeRegistry registry;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    TypeInvoker invoker;

    @Inject
    @ConfigProperty(name = "lotkeeper.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "lotkeeper.db.allow-non-durable", defaultValue = "false")
    boolean allowNonDurable;

    @PostConstruct
    void start() {
        // Reads the type-call settings now, so that an invalid value stops the start with its message.
        TypeCallPolicy policy = invoker.policy();
        DurabilityCheck.requireDurableCommits(allowNonDurable);
        new SchemaMigrator(dataSource).migrate();
        DerbyLockSettings.apply(dataSource);
        // Before the first admin: this method runs in one transaction, which inserts that user when
        // it commits, so work added after it would widen the race described below.
        webhooks.startSweeping();

        // TODO: servers started at the same moment on an empty database can each insert the first
        // admin, and every one but the first then fails to start on the unique user name.
        Optional<String> generated = users.createFirstAdmin(adminPassword.orElse(null));
        // The generated password is shown once on standard output and never logged; the admin
        // should change it after signing in.
        generated.ifPresent(password -> System.out.println("""

                ==================================================================
                 Lotkeeper created the user 'admin' with this one-time password:
                   %s
                 It is shown only now. Set LOTKEEPER_ADMIN_PASSWORD before the
                 first start to choose it yourself.
                ==================================================================
                """.formatted(password)));

        LOG.info(() -> "Lotkeeper started with " + registry.all().size() + " adjustment types, each call limited to "
                + TypeCallPolicy.seconds(policy.timeLimit()));
    }
}
