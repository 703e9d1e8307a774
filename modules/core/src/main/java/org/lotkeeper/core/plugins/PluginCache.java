package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The local copies of the stored plugin jars that a server loads its class loaders from:
 * {@code cache/<sha256>/<file name>} in the plugins folder. A folder per checksum keeps the jar's
 * own file name, and a new jar under an old name never overwrites a file that a class loader may
 * still have open. The database is the source: a copy that is missing or damaged is written again
 * from it, and copies of jars the database no longer lists are deleted at start-up.
 */
@ApplicationScoped
public class PluginCache {

    private static final Logger LOG = Logger.getLogger(PluginCache.class.getName());

    @Inject
    PluginFolder folder;

    /** Returns the cache folder, which may not exist yet. */
    Path root() {
        return folder.path().resolve("cache");
    }

    /** Returns where the copy of a stored jar is, whether or not it exists. */
    Path fileOf(StoredJar jar) {
        return root().resolve(jar.sha256()).resolve(jar.fileName());
    }

    /** Returns whether the copy exists and has the jar's size and checksum. */
    boolean holds(StoredJar jar) {
        Path file = fileOf(jar);
        try {
            return Files.isRegularFile(file) && Files.size(file) == jar.size()
                    && JarChecksums.sha256(file).equals(jar.sha256());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the cached plugin " + file + "; it is written again", e);
            return false;
        }
    }

    /**
     * Writes the copy of a stored jar from its content.
     *
     * @throws IOException when writing fails or the content does not have the jar's checksum
     */
    Path write(StoredJar jar, byte[] content) throws IOException {
        Path directory = Files.createDirectories(fileOf(jar).getParent());
        Path incoming = Files.createTempFile(directory, ".copy-", PluginFolder.INCOMING_SUFFIX);
        try {
            Files.write(incoming, content);
            String actual = JarChecksums.sha256(incoming);
            if (!actual.equals(jar.sha256())) {
                throw new IOException("the stored content of " + jar.fileName() + " has SHA-256 " + actual
                        + ", not the recorded " + jar.sha256());
            }
            return Files.move(incoming, fileOf(jar), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /** Moves a checked jar of the plugins folder, such as an upload, to its place in the cache. */
    Path moveIn(StoredJar jar, Path checked) throws IOException {
        Files.createDirectories(fileOf(jar).getParent());
        return Files.move(checked, fileOf(jar), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the copy of a jar and its checksum folder; a failure is logged, and start-up deletes it later. */
    void delete(StoredJar jar) {
        deleteTree(fileOf(jar).getParent());
    }

    /** Deletes every copy except those of {@code stored}; called at start-up. */
    void deleteAllExcept(Collection<StoredJar> stored) {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<Path> keep = new HashSet<>();
        stored.forEach(jar -> keep.add(fileOf(jar).getParent()));
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(path -> !keep.contains(path)).forEach(PluginCache::deleteTree);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot list the plugin cache " + root + " to delete old copies", e);
        }
    }

    private static void deleteTree(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the cached plugin copy " + top + "; start-up deletes it later", e);
        }
    }
}
