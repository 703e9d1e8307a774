package org.lotkeeper.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for one test class or benchmark run, created with {@code initdb} in
 * a directory of its own and listening on {@code 127.0.0.1:port} and on a UNIX socket in that
 * directory only. Commits are durable: the server runs with {@code fsync=on},
 * {@code synchronous_commit=on} and {@code full_page_writes=on}, PostgreSQL's defaults, set
 * explicitly so that no configuration file can change them.
 *
 * <p>PostgreSQL refuses to run as root, so a JVM running as root runs the server as the system account
 * {@code postgres}, and every parent of the directory must be searchable by that account. The
 * server can be stopped and started again on the same files with another command prefix, such as
 * {@code ip netns exec NAME}, which moves it into a network namespace.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser that {@code initdb} creates, who signs in over TCP with {@link #password()}. */
    public static final String USER = "lotkeeper";
    public static final String DATABASE = "postgres";
    /** The durability settings passed to every start, reported with the results. */
    public static final List<String> DURABILITY = List.of("fsync=on", "synchronous_commit=on", "full_page_writes=on");

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Three application servers with pools of up to 32 connections each, plus the caller's own connections. */
    private static final int MAX_CONNECTIONS = 200;

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private Process process;

    /** Returns why a server cannot be created and started here, or null when it can. */
    public static String unavailableReason() {
        if (findBinaries().isEmpty()) {
            return "PostgreSQL server programs (initdb, postgres) not found in /usr/lib/postgresql/*/bin,"
                    + " /usr/local/bin or /usr/bin; install Debian's postgresql package";
        }
        if (Programs.isRoot() && !Programs.accountExists("postgres")) {
            return "running as root, but the system account 'postgres' that would run the server does not exist";
        }
        return null;
    }

    /**
     * Prepares a server in {@code directory} on {@code 127.0.0.1:port}; {@link #create()} and
     * {@link #start(List)} run it.
     *
     * @throws IllegalStateException when the PostgreSQL server programs are not installed
     */
    public PostgresServer(Path directory, int port) {
        this.binaries = findBinaries().orElseThrow(() -> new IllegalStateException(unavailableReason()));
        this.directory = directory;
        this.port = port;
    }

    /** Returns the directory that contains both server programs, preferring the newest Debian version. */
    public static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(version -> version.resolve("bin"))
                    .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
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

    public int port() {
        return port;
    }

    /** Returns the JDBC URL of the database {@link #DATABASE} over TCP. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    public long pid() {
        return process.pid();
    }

    /** Writes the password to a file that only the owner may read, for {@code deploy/run --db-password-file}. */
    public Path writePasswordFile(Path file) throws IOException {
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Creates the database cluster with {@code initdb}, with {@link #USER} as superuser who signs in with the password. */
    public void create() throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (Programs.isRoot()) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        Path log = directory.resolve("initdb.log");
        Process init = new ProcessBuilder(asServerAccount(List.of(binaries.resolve("initdb").toString(), "-D",
                directory.resolve("data").toString(), "-U", USER, "--pwfile", passwordFile.toString(),
                "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--no-locale")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!init.waitFor(120, TimeUnit.SECONDS)) {
            init.destroyForcibly();
            throw new IOException("initdb did not finish within 120 s; see " + log);
        }
        Files.delete(passwordFile);
        if (init.exitValue() != 0) {
            throw new IOException("initdb failed with status " + init.exitValue() + ":\n" + Files.readString(log));
        }
    }

    /**
     * Starts the server on the existing database cluster, with {@code commandPrefix} in front of
     * the command, and waits until it accepts connections.
     */
    public void start(List<String> commandPrefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(commandPrefix);
        List<String> server = new ArrayList<>(List.of(binaries.resolve("postgres").toString(), "-D",
                directory.resolve("data").toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + directory,
                "-c", "max_connections=" + MAX_CONNECTIONS));
        for (String setting : DURABILITY) {
            server.add("-c");
            server.add(setting);
        }
        command.addAll(asServerAccount(server));
        Path log = directory.resolve("postgres.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LOG.info(() -> "Started PostgreSQL as pid " + process.pid() + " on 127.0.0.1:" + port + " with "
                + String.join(" ", commandPrefix) + "; log " + log);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.readString(log).substring((int) logStart);
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited during start with status " + process.exitValue() + ":\n" + output);
            }
            if (output.contains("database system is ready to accept connections")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("PostgreSQL did not start within " + START_TIMEOUT + "; see " + log);
    }

    /** Prefixes a command so that it runs as the account {@code postgres} when this JVM runs as root. */
    private static List<String> asServerAccount(List<String> command) {
        if (!Programs.isRoot()) {
            return command;
        }
        // setpriv execs the command, so the process started here is the server itself.
        List<String> result = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        result.addAll(command);
        return result;
    }

    /**
     * Stops the server with SIGINT, PostgreSQL's fast shutdown, which ends open sessions and
     * writes a checkpoint, so that the next start needs no recovery. Kills it after a minute.
     */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warning(() -> "Could not send SIGINT to PostgreSQL (pid " + process.pid() + "): " + e + "; sending SIGTERM");
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            LOG.warning(() -> "PostgreSQL (pid " + process.pid() + ") did not stop within a minute; killing it");
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
