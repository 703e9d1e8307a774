package org.lotkeeper.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A network namespace created for one test or benchmark run, whose only interface is its own
 * loopback. A program started with {@link #exec()} in front of its command may bind every interface (as Payara's
 * Hazelcast does) and still reach nothing but the other programs in the namespace. Closing it
 * kills whatever still runs inside and deletes the namespace.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NetworkNamespace.class.getName());

    private final String name;

    /** Returns why namespaces cannot be created here, or null when they can. */
    public static String unavailableReason() {
        if (!Programs.isRoot()) {
            return "creating a network namespace needs root (the cluster's data grid must not run in the host's network namespace)";
        }
        if (Programs.find("ip").isEmpty()) {
            return "the 'ip' program (Debian package iproute2) is missing";
        }
        return null;
    }

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /**
     * Creates a namespace named {@code lk-<purpose>-<random>} with its loopback interface up. The
     * purpose, such as {@code cluster}, shows an operator which program left a namespace behind.
     */
    public static NetworkNamespace create(String purpose) throws IOException, InterruptedException {
        String name = "lk-" + purpose + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        run(List.of("ip", "netns", "add", name));
        NetworkNamespace namespace = new NetworkNamespace(name);
        try {
            run(List.of("ip", "-n", name, "link", "set", "lo", "up"));
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    public String name() {
        return name;
    }

    /** Returns the command prefix that runs a program inside the namespace. ip execs the program, keeping its pid. */
    public List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Returns the output of {@code ss -ltnp} inside the namespace, for diagnostics. */
    public String listeners() throws IOException, InterruptedException {
        return output(List.of("ip", "netns", "exec", name, "ss", "-ltnp"));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            // Every process left here was started by its creator; kill them so the namespace can go.
            for (String pid : output(List.of("ip", "netns", "pids", name)).split("\\s+")) {
                if (!pid.isBlank()) {
                    LOG.warning(() -> "Killing process " + pid + " left in network namespace " + name);
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            run(List.of("ip", "netns", "del", name));
        } catch (IOException e) {
            LOG.severe(() -> "Could not delete network namespace " + name + "; delete it with 'ip netns del " + name
                    + "': " + e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        String output = output(command);
        LOG.fine(() -> String.join(" ", command) + ": " + output);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with status " + process.exitValue() + ": " + output);
        }
        return output;
    }
}
