package org.lotkeeper.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * The checks an uploaded plugin jar passes before it is installed, in order: a usable file name,
 * the zip signature, a jar that reads from end to end with a manifest, a supported SPI version in
 * the manifest when it states one, and at least one adjustment type that loads, describes itself
 * and is built for a supported SPI version. The types are loaded in a class loader of their own,
 * which is closed afterwards, so nothing of the jar stays in the application.
 *
 * <p>Every refusal is a {@link BusinessException} whose message starts with the file name and
 * says why: {@link ErrorCode#INVALID_INPUT} (400) for a file that is not a usable jar and
 * {@link ErrorCode#RULE_VIOLATION} (422) for a jar without a usable adjustment type.
 */
final class PluginCheck {

    /** Most entries a plugin jar may have. */
    static final int MAX_ENTRIES = 10_000;

    /** Most bytes a plugin jar's entries may have when unpacked, against zip bombs. */
    static final long MAX_UNPACKED_BYTES = 128L * 1024 * 1024;

    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private PluginCheck() {
    }

    /**
     * Returns the file name to install under: the last path segment of {@code submitted} (browsers
     * may send a full path), which must be 1 to 100 letters, digits, dots, hyphens, underscores
     * or plus signs, not start with a dot, and end with {@code .jar}.
     */
    static String fileName(String submitted) {
        String name = submitted == null ? "" : submitted.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (!name.matches("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,99}") || !name.toLowerCase(Locale.ROOT).endsWith(".jar")
                || name.length() == ".jar".length()) {
            throw new BusinessException(ErrorCode.INVALID_INPUT, "fileName", submitted, "The file name '" + submitted
                    + "' is not usable: name the jar with 1 to 100 letters, digits, dots, hyphens, underscores or plus"
                    + " signs, ending in .jar, such as theft-1.0.0.jar.");
        }
        return name;
    }

    /**
     * Checks that {@code file} is a jar: the zip signature, every entry readable (which also
     * checks each entry's CRC and any signatures), limits on entries and unpacked size, and a
     * readable manifest. Returns the manifest.
     */
    static Manifest readableJar(Path file, String fileName) {
        byte[] start = new byte[ZIP_SIGNATURE.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(start, 0, start.length);
            if (read < start.length || !Arrays.equals(start, ZIP_SIGNATURE)) {
                throw notAJar(fileName, "it does not start with the zip signature PK, so it is not a jar (a jar is a"
                        + " zip file of classes; check that you picked the jar the build produced)");
            }
        } catch (IOException e) {
            throw notAJar(fileName, "it cannot be read: " + e.getMessage());
        }
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            int entries = 0;
            long unpacked = 0;
            byte[] buffer = new byte[64 * 1024];
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (++entries > MAX_ENTRIES) {
                    throw notAJar(fileName, "it has more than " + MAX_ENTRIES + " entries");
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        unpacked += read;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw notAJar(fileName, "its entries unpack to more than " + MAX_UNPACKED_BYTES + " bytes");
                        }
                    }
                }
            }
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw notAJar(fileName, "it is a zip file without META-INF/MANIFEST.MF, so it is not a jar");
            }
            return manifest;
        } catch (ZipException e) {
            throw notAJar(fileName, "it is not a readable zip file: " + e.getMessage());
        } catch (SecurityException e) {
            throw notAJar(fileName, "its signature does not match its content: " + e.getMessage());
        } catch (IOException e) {
            throw notAJar(fileName, "it cannot be read as a jar: " + e.getMessage());
        }
    }

    /** Checks the optional manifest attribute {@value SpiVersion#MANIFEST_ATTRIBUTE}. */
    static void manifestSpiVersion(Manifest manifest, String fileName) {
        String declared = manifest.getMainAttributes().getValue(new Attributes.Name(SpiVersion.MANIFEST_ATTRIBUTE));
        if (declared == null) {
            return;
        }
        int version;
        try {
            version = Integer.parseInt(declared.strip());
        } catch (NumberFormatException e) {
            throw rejected(fileName, "its manifest attribute " + SpiVersion.MANIFEST_ATTRIBUTE + " is '" + declared
                    + "', not a whole number");
        }
        if (!SpiVersion.supports(version)) {
            throw rejected(fileName, incompatible("its manifest states", version));
        }
    }

    /**
     * Loads the jar's classes in an isolated class loader and returns the descriptors of its
     * adjustment types; refuses a jar with a class that cannot be loaded, a class that asks for
     * CDI services, no type, a type that fails to describe itself, a type for an unsupported SPI
     * version or two types with one id. The class loader is closed before this returns.
     */
    static List<TypeDescriptor> types(Path file, String fileName, ClassLoader application) {
        PluginLoader.Opened opened;
        try {
            opened = PluginLoader.open(file, application);
        } catch (IOException e) {
            throw notAJar(fileName, "its classes cannot be listed: " + e.getMessage());
        }
        try (opened) {
            if (!opened.problems().isEmpty()) {
                throw rejected(fileName, String.join("; ", opened.problems()));
            }
            if (opened.types().isEmpty()) {
                throw rejected(fileName, "it contains no adjustment type: none of its " + opened.classes()
                        + " classes is a public class implementing org.lotkeeper.api.AdjustmentType");
            }
            List<TypeDescriptor> descriptors = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (PluginLoader.FoundType type : opened.types()) {
                if (type.failure() != null) {
                    throw rejected(fileName, type.failure());
                }
                TypeDescriptor descriptor = type.descriptor();
                if (!SpiVersion.supports(descriptor.spiVersion())) {
                    throw rejected(fileName, incompatible("type " + descriptor.id() + " is built for",
                            descriptor.spiVersion()));
                }
                if (!ids.add(descriptor.id())) {
                    throw rejected(fileName, "two of its classes declare the type id '" + descriptor.id() + "'");
                }
                descriptors.add(descriptor);
            }
            return List.copyOf(descriptors);
        }
    }

    static String incompatible(String subject, int version) {
        return subject + " SPI version " + version + ", but this server supports SPI version "
                + SpiVersion.supportedRange() + "; build the plugin against lotkeeper-api of this server";
    }

    private static BusinessException notAJar(String fileName, String why) {
        return new BusinessException(ErrorCode.INVALID_INPUT, "file", fileName, fileName + " is not a usable jar: " + why
                + ".");
    }

    private static BusinessException rejected(String fileName, String why) {
        return new BusinessException(ErrorCode.RULE_VIOLATION, "file", fileName, fileName + " was not installed: "
                + why + ".");
    }
}
