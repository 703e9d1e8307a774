package org.lotkeeper.core.webhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id a server writes into the claims it takes: host name, process id and a random suffix,
 * such as {@code app-1:4711:9f3c2a1b}. The suffix makes it unique per start, so a restarted
 * server never mistakes a claim of its previous run for its own.
 */
final class InstanceId {

    /** Maximum length, that of the column {@code claimed_by}. */
    static final int MAX_LENGTH = 100;

    private InstanceId() {
    }

    static String create() {
        String suffix = ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String host = hostName();
        int room = MAX_LENGTH - suffix.length();
        return (host.length() > room ? host.substring(0, room) : host) + suffix;
    }

    /**
     * Returns the host name without a name lookup, which could wait for an unreachable DNS server:
     * Linux's kernel host name, else the usual environment variables.
     */
    private static String hostName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | SecurityException e) {
            // Not Linux; the environment may still name the host.
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        // Only the readability of the id suffers; the process id and the suffix keep it unique.
        return "host";
    }
}
