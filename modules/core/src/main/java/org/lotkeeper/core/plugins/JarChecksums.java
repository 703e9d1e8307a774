package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * SHA-256 checksums of the jars adjustment types were loaded from, so an admin can compare a
 * deployed plugin with the file they were given. Each jar is hashed once and the result cached,
 * because the jars do not change while the application runs.
 */
@ApplicationScoped
public class JarChecksums {

    private static final Logger LOG = Logger.getLogger(JarChecksums.class.getName());

    private final Map<Path, String> cache = new ConcurrentHashMap<>();

    /**
     * Returns the lowercase hex SHA-256 of the jar the type's class was loaded from, or empty when
     * the type failed to load, or its code source is not a regular file (such as a classes folder),
     * or the file cannot be read.
     */
    public Optional<String> of(RegisteredType registered) {
        AdjustmentType type = registered.type();
        if (type == null) {
            return Optional.empty();
        }
        Optional<Path> jar = jarOf(TypeRegistry.declaringClass(type));
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        String cached = cache.get(jar.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> computed = sha256(jar.get());
        computed.ifPresent(sum -> cache.put(jar.get(), sum));
        return computed;
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

    private static Optional<String> sha256(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Failed to read " + jar + " for its checksum", e);
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
