package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder that contains the plugin jars admins installed: the MicroProfile Config property
 * {@code lotkeeper.plugins.dir} (environment variable {@code LOTKEEPER_PLUGINS_DIR}), or else the
 * folder {@code plugins} next to the database folder {@code lotkeeper.db.dir}, so that
 * {@code deploy/run --data DIR} keeps them in {@code DIR/plugins}. The folder lives outside the
 * WAR, so installed plugins survive a rebuild, a redeployment and a restart.
 */
@ApplicationScoped
public class PluginFolder {

    /** Suffix of the files in the folder while an upload is checked. */
    static final String INCOMING_SUFFIX = ".incoming";

    @Inject
    @ConfigProperty(name = "lotkeeper.plugins.dir")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "lotkeeper.db.dir")
    Optional<String> databaseDirectory;

    /** Returns the folder, which may not exist yet. */
    public Path path() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Path.of(configured.get().strip()).toAbsolutePath().normalize();
        }
        Path database = Path.of(databaseDirectory.orElse("db")).toAbsolutePath().normalize();
        Path parent = database.getParent();
        return (parent == null ? database : parent).resolve("plugins");
    }

    /** Returns the folder, created when missing. */
    Path create() {
        try {
            return Files.createDirectories(path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the plugins folder " + path(), e);
        }
    }

    /** Returns the installed jars by file name, or none when the folder does not exist. */
    public List<Path> jars() {
        Path folder = path();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isJarName(file.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plugins folder " + folder, e);
        }
    }

    /** Deletes uploads that were being checked when the server stopped; called at start. */
    void deleteUnfinishedUploads() {
        Path folder = path();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(INCOMING_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the plugins folder " + folder, e);
        }
    }

    /** Returns whether a file name is that of an installed jar: not hidden, ending in {@code .jar}. */
    static boolean isJarName(String name) {
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".jar");
    }
}
