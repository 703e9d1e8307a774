package org.lotkeeper.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds and runs the system programs that the sandbox needs. */
public final class Programs {

    private static final List<String> DIRECTORIES = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin",
            "/usr/local/sbin", "/usr/local/bin");

    private Programs() {
    }

    /** Returns true when this JVM runs as root, which network namespaces need. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Returns the first executable named {@code name} in the usual system directories. */
    public static Optional<Path> find(String name) {
        return DIRECTORIES.stream()
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Returns true when the system account {@code name} exists. */
    public static boolean accountExists(String name) {
        return exitStatus(List.of("id", "-u", name)) == 0;
    }

    /** Runs a short command with its output discarded and returns its exit status, or -1 when it could not run. */
    public static int exitStatus(List<String> command) {
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
