package org.lotkeeper.core.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.core.support.DurationSetting;

/**
 * Keeps the plugin jars this server has loaded in line with the {@code plugin_jar} table that all
 * servers sharing the database write. At start-up it loads every stored jar, imports the jars
 * found directly in the plugins folder and deletes stale cache copies. Then, every
 * {@value #INTERVAL_PROPERTY} (default 5 s), it reads the file names and checksums of the stored
 * jars, a query without their content, and loads or unloads what changed. The check runs on the
 * managed scheduled executor, because EJB timers and Payara's clustered CDI events need the
 * Hazelcast data grid, which a single server runs without.
 */
@ApplicationScoped
public class PluginSync {

    private static final Logger LOG = Logger.getLogger(PluginSync.class.getName());

    /** The property that sets how often a server checks the database for plugin changes. */
    public static final String INTERVAL_PROPERTY = "lotkeeper.plugins.sync-interval";

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** How many failed checks in a row are logged at WARNING before the rest go to FINE until one succeeds. */
    static final int LOGGED_FAILURES = 3;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = INTERVAL_PROPERTY)
    Optional<String> configuredInterval;

    @Inject
    PluginJarStore store;

    @Inject
    InstalledJars installed;

    @Inject
    PluginFolder folder;

    @Inject
    PluginCache cache;

    @Inject
    PluginService plugins;

    private ScheduledFuture<?> checks;

    private int failuresInARow;

    /**
     * Loads the stored jars, imports the jars of the plugins folder and deletes stale cache copies.
     * Called once when the web module starts, after the start-up EJB applied the schema migrations.
     * A failure is logged, and the periodic check loads the stored jars later.
     */
    @ActivateRequestContext
    public void start() {
        try {
            folder.deleteUnfinishedUploads();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot delete unfinished uploads in " + folder.path(), e);
        }
        try {
            installed.synchronize(store.list());
            cache.deleteAllExcept(installed.loaded());
            for (Path jar : folder.jars()) {
                try {
                    plugins.importFolderJar(jar);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Importing the plugin " + jar + " failed; it stays in the folder, and the"
                            + " next start tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Loading the installed plugins failed; the periodic check tries again", e);
        }
        LOG.info(() -> "Plugin jars: " + installed.loaded().size() + " loaded from the database");
    }

    /**
     * Starts checking the table every {@value #INTERVAL_PROPERTY}; a second call does nothing.
     *
     * @throws IllegalArgumentException when {@value #INTERVAL_PROPERTY} is invalid, naming the value
     */
    public synchronized void scheduleChecks() {
        if (checks != null) {
            return;
        }
        Duration interval = parseInterval(configuredInterval.orElse(null));
        checks = executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Checking the database for plugin changes every " + TypeCallPolicy.seconds(interval));
    }

    @PreDestroy
    synchronized void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /**
     * Loads and unloads what changed in the table since the last check. Exceptions are logged here
     * because the executor would drop them and cancel the schedule.
     */
    void check() {
        try {
            List<StoredJar> stored = store.list();
            if (!SyncPlan.between(stored, installed.loaded()).isEmpty()) {
                installed.synchronize(stored);
            }
            if (failuresInARow > 0) {
                LOG.info(() -> "Checking for plugin changes works again after " + failuresInARow + " failures");
                failuresInARow = 0;
            }
        } catch (RuntimeException e) {
            failuresInARow++;
            Level level = failuresInARow <= LOGGED_FAILURES ? Level.WARNING : Level.FINE;
            LOG.log(level, "Checking the database for plugin changes failed (" + failuresInARow + " in a row);"
                    + " trying again in the next interval", e);
        }
    }

    /**
     * Reads {@value #INTERVAL_PROPERTY}: an ISO-8601 duration such as {@code PT5S} or a number of
     * seconds; {@code null} or blank takes the default.
     *
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    static Duration parseInterval(String text) {
        return new DurationSetting(INTERVAL_PROPERTY, DEFAULT_INTERVAL, MIN_INTERVAL, MAX_INTERVAL).parse(text);
    }
}
