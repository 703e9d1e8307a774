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
        webhooks.startSweeping();

        boolean hadUsers = users.exist();
        Optional<String> generated = createFirstAdmin();
        if (hadUsers && adminPassword.filter(password -> !password.isBlank()).isPresent()) {
            LOG.info("LOTKEEPER_ADMIN_PASSWORD is set, but the database has users already, so it is ignored;"
                    + " an admin changes passwords with POST /api/v1/users/{name}/password");
        }
        // The generated password is shown once on standard output and never logged; the admin
        // should change it after signing in.
        generated.ifPresent(password -> System.out.println("""

                ==================================================================
                 Lotkeeper created the user 'admin' with this generated password:
                   %s
                 It is shown only now. Set LOTKEEPER_ADMIN_PASSWORD before the
                 first start to choose it yourself.
                ==================================================================
                """.formatted(password)));

        LOG.info(() -> "Lotkeeper started with " + registry.all().size() + " adjustment types, each call limited to "
                + TypeCallPolicy.seconds(policy.timeLimit()));
    }

    /**
     * Creates the first admin when there is no user. Servers started together on an empty
     * database can each try: the unique user name lets one insert win, and the others, whose
     * insert then fails, find the admin that the winner created and carry on.
     */
    private Optional<String> createFirstAdmin() {
        try {
            return users.createFirstAdmin(adminPassword.orElse(null));
        } catch (RuntimeException e) {
            if (!users.exist()) {
                throw e;
            }
            LOG.info("Another server created the first admin at the same moment; using that one");
            return Optional.empty();
        }
    }
}
