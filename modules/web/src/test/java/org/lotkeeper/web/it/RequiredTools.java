package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the external programs that the PostgreSQL and cluster tests run. When one is missing, the
 * test is skipped with the reason, except in CI: {@code .ci/run} installs them and sets
 * {@code LOTKEEPER_CI=true}, so there a missing program fails the test instead of hiding it.
 */
final class RequiredTools {

    private RequiredTools() {
    }

    /** Skips the test with {@code reason}, or fails it in CI, when {@code available} is false. */
    static void require(boolean available, String reason) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("LOTKEEPER_CI"))) {
            fail(reason + " (LOTKEEPER_CI=true, so the test fails instead of being skipped)");
        }
        abort("skipped: " + reason);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Returns the directory that contains both PostgreSQL server programs, initdb and postgres. */
    static Optional<Path> postgresBinaries() {
        List<Path> candidates = new ArrayList<>();
        // Debian's postgresql package installs versioned directories; prefer the newest.
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(version -> version.resolve("bin"))
                    .sorted(Comparator.comparing(RequiredTools::majorVersion).reversed())
                    .forEach(candidates::add);
        } catch (IOException e) {
            // No Debian package installed; the other places remain.
        }
        candidates.add(Path.of("/usr/local/bin"));
        candidates.add(Path.of("/usr/bin"));
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres")))
                .findFirst();
    }

    private static int majorVersion(Path binDirectory) {
        try {
            return Integer.parseInt(binDirectory.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Returns the first executable named {@code name} in the usual system directories. */
    static Optional<Path> program(String name) {
        return Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin")
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Returns true when the system account {@code postgres} exists, which runs the server when the test is root. */
    static boolean postgresAccountExists() {
        return run(List.of("id", "-u", "postgres")) == 0;
    }

    /** Runs a short command with its output discarded and returns its exit status, or -1 on failure. */
    static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
