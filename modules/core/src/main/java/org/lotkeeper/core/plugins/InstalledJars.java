package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The stored plugin jars this server has loaded, each from its copy in the {@link PluginCache},
 * and the one way they are loaded and unloaded: by a local install or uninstall, and by
 * {@link #synchronize(List)} after a change on another server. A jar that fails to load here is
 * registered as failed, logged with its file name and checksum, and counts as loaded, so it is not
 * tried again until the table changes it or the server restarts.
 *
 * <p>Every change holds {@link #changes()}, which installs and uninstalls also hold from their
 * checks to their end, so the checks see the types as they stay.
 */
@ApplicationScoped
public class InstalledJars {

    private static final Logger LOG = Logger.getLogger(InstalledJars.class.getName());

    @Inject
    TypeRegistry registry;

    @Inject
    PluginJarStore store;

    @Inject
    PluginCache cache;

    private final ReentrantLock changes = new ReentrantLock();

    /** The loaded jars by file name, with the copy their types were loaded from; guarded by {@link #changes}. */
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();

    private record Loaded(StoredJar jar, Path file) {
    }

    /** Returns the lock that serializes plugin changes on this server. */
    ReentrantLock changes() {
        return changes;
    }

    /** Returns the stored jars this server has loaded. */
    List<StoredJar> loaded() {
        changes.lock();
        try {
            return loaded.values().stream().map(Loaded::jar).toList();
        } finally {
            changes.unlock();
        }
    }

    /** Returns the loaded jar with this file name, or empty. */
    Optional<StoredJar> find(String fileName) {
        changes.lock();
        try {
            return Optional.ofNullable(loaded.get(fileName)).map(Loaded::jar);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Unloads and loads jars until this server has exactly {@code stored}. A jar that fails does
     * not stop the others.
     */
    void synchronize(List<StoredJar> stored) {
        changes.lock();
        try {
            SyncPlan plan = SyncPlan.between(stored, loaded.values().stream().map(Loaded::jar).toList());
            for (StoredJar jar : plan.unload()) {
                try {
                    unload(jar);
                    LOG.info(() -> "Plugin " + jar.label() + " is no longer installed in the database; unloaded it");
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Unloading plugin " + jar.label() + " failed", e);
                }
            }
            for (StoredJar jar : plan.load()) {
                try {
                    loadFromDatabase(jar);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Loading plugin " + jar.label() + " from the database failed", e);
                }
            }
        } finally {
            changes.unlock();
        }
    }

    /** Loads a stored jar, writing its copy from the database when the cache lacks it. */
    private void loadFromDatabase(StoredJar jar) {
        if (!cache.holds(jar)) {
            Optional<byte[]> content = store.content(jar);
            if (content.isEmpty()) {
                LOG.fine(() -> "Plugin " + jar.label() + " left the database before it was loaded");
                return;
            }
            try {
                cache.write(jar, content.get());
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Plugin " + jar.label() + " cannot be copied to " + cache.fileOf(jar)
                        + ", so it is not loaded on this server", e);
                registry.registerFailed(cache.fileOf(jar), "The jar cannot be copied from the database to this"
                        + " server's plugin cache: " + PluginLoader.describe(e));
                loaded.put(jar.fileName(), new Loaded(jar, cache.fileOf(jar)));
                return;
            }
        }
        List<RegisteredType> types = load(jar, cache.fileOf(jar));
        LOG.info(() -> "Plugin " + jar.label() + " loaded from the database with types " + ids(types));
    }

    /**
     * Registers the types of a stored jar from its copy and returns them, loaded or failed. A
     * failure is logged with the jar's file name and checksum.
     */
    List<RegisteredType> load(StoredJar jar, Path copy) {
        changes.lock();
        try {
            List<RegisteredType> types = registry.install(copy);
            loaded.put(jar.fileName(), new Loaded(jar, copy));
            List<RegisteredType> failed = types.stream().filter(type -> !type.loaded()).toList();
            if (!failed.isEmpty()) {
                LOG.warning(() -> "Plugin " + jar.label() + " failed to load on this server: "
                        + failed.stream().map(type -> type.id() + ": " + type.failure()).collect(Collectors.joining("; ")));
            }
            return types;
        } finally {
            changes.unlock();
        }
    }

    /** Unregisters the types of a loaded jar, closes its class loader and deletes its copy; returns the types. */
    List<RegisteredType> unload(StoredJar jar) {
        changes.lock();
        try {
            Loaded entry = loaded.remove(jar.fileName());
            if (entry == null) {
                return List.of();
            }
            List<RegisteredType> removed = new ArrayList<>(registry.uninstall(entry.file()));
            cache.delete(entry.jar());
            return removed;
        } finally {
            changes.unlock();
        }
    }

    private static String ids(List<RegisteredType> types) {
        return types.stream().map(RegisteredType::id).collect(Collectors.joining(", ", "[", "]"));
    }
}
