package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of its own, created with {@code initdb} in a temporary directory and
 * listening on {@code 127.0.0.1:port} only, optionally inside a network namespace
 * ({@code commandPrefix} such as {@code ip netns exec NAME}). PostgreSQL refuses to run as root, so
 * a root test runs it as the system account {@code postgres}. The superuser is {@link #USER}, who
 * signs in over TCP with {@link #password()}.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "lotkeeper";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final List<String> commandPrefix;
    private final String password = "pg-" + Api.shortId() + "-" + Api.shortId();
    private Process process;

    /** Checks that initdb and postgres exist and can run here, and returns the reason when they cannot. */
    static String unavailableReason() {
        if (RequiredTools.postgresBinaries().isEmpty()) {
            return "PostgreSQL server programs (initdb, postgres) not found in /usr/lib/postgresql/*/bin,"
                    + " /usr/local/bin or /usr/bin; install Debian's postgresql package";
        }
        if (RequiredTools.isRoot() && !RequiredTools.postgresAccountExists()) {
            return "running as root, but the system account 'postgres' that would run the server does not exist";
        }
        return null;
    }

    PostgresServer(Path directory, int port, List<String> commandPrefix) {
        this.binaries = RequiredTools.postgresBinaries().orElseThrow();
        this.directory = directory;
        this.port = port;
        this.commandPrefix = List.copyOf(commandPrefix);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String password() {
        return password;
    }

    /** Writes the password to a file that only the owner may read, for {@code deploy/run --db-password-file}. */
    Path writePasswordFile(Path file) throws IOException {
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * Creates the database cluster and starts the server, waiting until it accepts connections. When
     * the test runs as root, every parent of the directory must be searchable by the account
     * {@code postgres}.
     */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (RequiredTools.isRoot()) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
            Files.setOwner(passwordFile, postgres);
        }

        List<String> initdb = asServerAccount(List.of(binaries.resolve("initdb").toString(), "-D",
                directory.resolve("data").toString(), "-U", USER, "--pwfile", passwordFile.toString(),
                "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--no-locale"));
        Process init = new ProcessBuilder(initdb).redirectErrorStream(true)
                .redirectOutput(directory.resolve("initdb.log").toFile()).start();
        assertTrue(init.waitFor(120, TimeUnit.SECONDS), "initdb did not finish within 120 s; see " + directory.resolve("initdb.log"));
        assertEquals(0, init.exitValue(), "initdb failed:\n" + Files.readString(directory.resolve("initdb.log")));
        Files.delete(passwordFile);

        List<String> command = new ArrayList<>(commandPrefix);
        // max_connections: three servers with pools of 32 and 8 connections need 120.
        command.addAll(asServerAccount(List.of(binaries.resolve("postgres").toString(), "-D",
                directory.resolve("data").toString(), "-c", "listen_addresses=127.0.0.1", "-p", Integer.toString(port),
                "-c", "unix_socket_directories=" + directory, "-c", "max_connections=200")));
        File log = directory.resolve("postgres.log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        waitUntilReady(log.toPath());
    }

    /** Prefixes a command so that it runs as the account {@code postgres} when the test runs as root. */
    private static List<String> asServerAccount(List<String> command) {
        if (!RequiredTools.isRoot()) {
            return command;
        }
        // setpriv execs the command, so the process started here is the server itself.
        List<String> result = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        result.addAll(command);
        return result;
    }

    private void waitUntilReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "PostgreSQL exited during start:\n" + Files.readString(log));
            if (Files.readString(log).contains("database system is ready to accept connections")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("PostgreSQL did not start within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops the server with SIGTERM, PostgreSQL's smart shutdown, which waits for connected clients.
     * Callers stop the application servers first, so none are left.
     */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
