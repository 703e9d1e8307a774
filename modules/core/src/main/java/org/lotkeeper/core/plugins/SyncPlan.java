package org.lotkeeper.core.plugins;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The changes that bring a server's loaded jars in line with the {@code plugin_jar} table: the
 * jars to unload first, then the jars to load. A jar whose file name stays but whose content
 * changed is in both lists, so its old types are gone before the new ones load.
 *
 * @param unload loaded jars that the table no longer lists, by file name
 * @param load   listed jars that are not loaded, by file name
 */
record SyncPlan(List<StoredJar> unload, List<StoredJar> load) {

    private static final Comparator<StoredJar> BY_FILE_NAME = Comparator.comparing(StoredJar::fileName);

    /** Returns the plan that turns {@code loaded} into {@code stored}. */
    static SyncPlan between(Collection<StoredJar> stored, Collection<StoredJar> loaded) {
        Set<StoredJar> wanted = Set.copyOf(stored);
        Set<StoredJar> present = Set.copyOf(loaded);
        List<StoredJar> unload = present.stream().filter(jar -> !wanted.contains(jar)).sorted(BY_FILE_NAME).toList();
        List<StoredJar> load = wanted.stream().filter(jar -> !present.contains(jar)).sorted(BY_FILE_NAME).toList();
        return new SyncPlan(unload, load);
    }

    /** Returns whether the server already has exactly the stored jars. */
    boolean isEmpty() {
        return unload.isEmpty() && load.isEmpty();
    }
}
