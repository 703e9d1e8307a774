package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example third-party type of {@code adjustment-types/examples/theft}, built with Maven the
 * way its author would: after installing the SPI and testkit it depends on, {@code mvn verify}
 * compiles it against them and runs its own tests. The jar is built once per test JVM, whichever
 * test asks first.
 */
public final class ExampleJar {

    static final Path EXAMPLE = ScriptServer.REPOSITORY.resolve("adjustment-types/examples/theft");

    /** The file name the example's build gives its jar. */
    public static final String FILE_NAME = "theft-adjustment-type-1.0.0.jar";

    private static Path built;

    private ExampleJar() {
    }

    /** Returns the example's jar, building it on first use. */
    public static synchronized Path theft() {
        if (built == null) {
            try {
                maven(ScriptServer.REPOSITORY, "-q", "-N", "install");
                maven(ScriptServer.REPOSITORY, "-q", "install", "-DskipTests", "-pl", "modules/api,modules/testkit");
                maven(EXAMPLE, "-q", "verify");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Path jar = EXAMPLE.resolve("target/" + FILE_NAME);
            assertTrue(Files.isRegularFile(jar), "the example build produced " + jar);
            built = jar;
        }
        return built;
    }

    private static void maven(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        command.addAll(List.of(arguments));
        File log = new File("target/third-party-maven.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "maven " + command + " finished in time");
        assertEquals(0, process.exitValue(), "maven " + command + " failed; see " + log);
    }
}
