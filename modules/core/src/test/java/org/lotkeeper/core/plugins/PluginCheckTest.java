package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.core.plugins.fixtures.CoreReferencingType;
import org.lotkeeper.core.plugins.fixtures.FutureSpiType;
import org.lotkeeper.core.plugins.fixtures.Helper;
import org.lotkeeper.core.plugins.fixtures.HelperChild;
import org.lotkeeper.core.plugins.fixtures.InjectingType;
import org.lotkeeper.core.plugins.fixtures.ThrowingDescribeType;
import org.lotkeeper.core.plugins.fixtures.UploadableType;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * The checks of an uploaded plugin jar, on jars built from the fixture classes. The fixtures are
 * on the test class path too, but the check's class loader hides them, so each one is loaded
 * from its jar as the server would.
 */
class PluginCheckTest {

    private static final ClassLoader APPLICATION = AdjustmentType.class.getClassLoader();

    @TempDir
    Path folder;

    @Test
    void usableJarYieldsItsTypes() throws IOException {
        Path jar = jar("good.jar", null, UploadableType.class, Helper.class);

        Manifest manifest = PluginCheck.readableJar(jar, "good.jar");
        PluginCheck.manifestSpiVersion(manifest, "good.jar");
        List<TypeDescriptor> types = PluginCheck.types(jar, "good.jar", APPLICATION);

        assertEquals(1, types.size(), "types: " + types);
        assertEquals("uploadable", types.get(0).id());
        assertEquals("2.1.0", types.get(0).version());
        assertEquals(SpiVersion.CURRENT, types.get(0).spiVersion());
    }

    @Test
    void textFileNamedJarIsNotAJar() throws IOException {
        Path file = folder.resolve("notes.jar");
        Files.writeString(file, "These are notes, not classes.\n");

        assertRefused(ErrorCode.INVALID_INPUT, () -> PluginCheck.readableJar(file, "notes.jar"),
                "notes.jar is not a usable jar", "zip signature");
    }

    @Test
    void zipWithoutManifestIsNotAJar() throws IOException {
        Path file = folder.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(ErrorCode.INVALID_INPUT, () -> PluginCheck.readableJar(file, "plain.jar"),
                "plain.jar is not a usable jar", "without META-INF/MANIFEST.MF");
    }

    @Test
    void truncatedJarIsNotReadable() throws IOException {
        Path jar = jar("whole.jar", null, UploadableType.class);
        byte[] bytes = Files.readAllBytes(jar);
        Path cut = folder.resolve("cut.jar");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(ErrorCode.INVALID_INPUT, () -> PluginCheck.readableJar(cut, "cut.jar"), "cut.jar is not a usable jar");
    }

    @Test
    void manifestWithUnsupportedSpiVersionIsRefused() throws IOException {
        Path jar = jar("next.jar", "2", UploadableType.class);
        Manifest manifest = PluginCheck.readableJar(jar, "next.jar");

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.manifestSpiVersion(manifest, "next.jar"),
                "next.jar was not installed", "SPI version 2", "supports SPI version " + SpiVersion.CURRENT);
    }

    @Test
    void typeForUnsupportedSpiVersionIsRefused() throws IOException {
        Path jar = jar("future.jar", null, FutureSpiType.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "future.jar", APPLICATION),
                "future.jar was not installed", "type future is built for SPI version 99");
    }

    @Test
    void jarWithoutTypeIsRefused() throws IOException {
        Path jar = jar("helpers.jar", null, Helper.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "helpers.jar", APPLICATION),
                "it contains no adjustment type");
    }

    @Test
    void classWithMissingSuperclassIsRefused() throws IOException {
        Path jar = jar("partial.jar", null, UploadableType.class, HelperChild.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "partial.jar", APPLICATION),
                "class " + HelperChild.class.getName() + " cannot be loaded", "NoClassDefFoundError");
    }

    @Test
    void coreClassesAreHiddenFromPlugins() throws IOException {
        Path jar = jar("nosy.jar", null, CoreReferencingType.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "nosy.jar", APPLICATION),
                "nosy.jar was not installed", "org.lotkeeper.core.support.BusinessCalendar");
    }

    @Test
    void injectionIsRefused() throws IOException {
        Path jar = jar("cdi.jar", null, InjectingType.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "cdi.jar", APPLICATION),
                "uses @Inject", "no CDI services");
    }

    @Test
    void failingDescribeIsRefused() throws IOException {
        Path jar = jar("throwing.jar", null, ThrowingDescribeType.class);

        assertRefused(ErrorCode.RULE_VIOLATION, () -> PluginCheck.types(jar, "throwing.jar", APPLICATION),
                "describe", "no descriptor today");
    }

    @Test
    void fileNamesAreChecked() {
        assertEquals("theft-1.0.0.jar", PluginCheck.fileName("theft-1.0.0.jar"));
        assertEquals("theft.jar", PluginCheck.fileName("C:\\fakepath\\theft.jar"));
        assertEquals("theft.JAR", PluginCheck.fileName("../../theft.JAR"));
        for (String bad : List.of("theft.zip", ".jar", ".hidden.jar", "sp ace.jar", "semi;colon.jar", "", "a/")) {
            assertRefused(ErrorCode.INVALID_INPUT, () -> PluginCheck.fileName(bad), "is not usable");
        }
    }

    private static void assertRefused(ErrorCode code, Executable check, String... parts) {
        BusinessException refused = assertThrows(BusinessException.class, check);
        assertEquals(code, refused.code(), refused.getMessage());
        for (String part : parts) {
            assertTrue(refused.getMessage().contains(part), "'" + part + "' in: " + refused.getMessage());
        }
    }

    /** Writes a jar with a manifest, optionally stating an SPI version, and the class files of {@code classes}. */
    private Path jar(String name, String spiVersion, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (spiVersion != null) {
            manifest.getMainAttributes().put(new Attributes.Name(SpiVersion.MANIFEST_ATTRIBUTE), spiVersion);
        }
        Path jar = folder.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                out.write(classFile(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] classFile(String path) {
        try (InputStream in = PluginCheckTest.class.getClassLoader().getResourceAsStream(path)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
