package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentType;

/**
 * File name, size and SHA-256 checksum of the jars adjustment types were loaded from, so an admin
 * can compare a deployed plugin with the file they were given. Each jar is hashed once and the
 * result cached until its size or modification time changes.
 */
@ApplicationScoped
public class JarChecksums {

    private static final Logger LOG = Logger.getLogger(JarChecksums.class.getName());

    private record Cached(long size, long modified, JarInfo info) {
    }

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Returns the lowercase hex SHA-256 of the jar the type was loaded from, or empty when it is
     * not known (see {@link #info(RegisteredType)}).
     */
    public Optional<String> of(RegisteredType registered) {
        return info(registered).map(JarInfo::sha256);
    }

    /**
     * Returns the jar a type came from: the jar of the plugins folder for an uploaded type, or the
     * jar its class was loaded from. Empty when a type of the application failed to load, its code
     * source is not a regular file (such as a classes folder), or the file cannot be read.
     */
    public Optional<JarInfo> info(RegisteredType registered) {
        if (registered.uploadedJar() != null) {
            return of(registered.uploadedJar());
        }
        AdjustmentType type = registered.type();
        if (type == null) {
            return Optional.empty();
        }
        return jarOf(TypeRegistry.declaringClass(type)).flatMap(this::of);
    }

    /** Returns the file name, size and checksum of a jar, or empty when it cannot be read. */
    public Optional<JarInfo> of(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            Cached cached = cache.get(jar);
            if (cached != null && cached.size() == attributes.size() && cached.modified() == modified) {
                return Optional.of(cached.info());
            }
            JarInfo info = new JarInfo(jar.getFileName().toString(), attributes.size(), sha256(jar));
            cache.put(jar, new Cached(attributes.size(), modified, info));
            return Optional.of(info);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Failed to read " + jar + " for its checksum", e);
            return Optional.empty();
        }
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null || !"file".equals(code.getLocation().getProtocol())) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(code.getLocation().toURI());
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "Code source of " + type.getName() + " is not a file path", e);
            return Optional.empty();
        }
    }

    /** Returns the lowercase hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
