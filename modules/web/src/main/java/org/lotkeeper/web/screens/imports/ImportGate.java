package org.lotkeeper.web.screens.imports;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets one screen import run at a time in this server. A second import started while one runs
 * is rejected at once instead of waiting, so a user who submits again, or a colleague, gets a
 * clear message and the first import is not slowed down by a second large file.
 */
@ApplicationScoped
public class ImportGate {

    /** Description of the running import, or {@code null} when none runs. */
    private final AtomicReference<String> running = new AtomicReference<>();

    /** Thrown when another import is running. */
    public static final class BusyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BusyException(String running) {
            super("Another import is running (" + running + "); wait until it has finished and try again.");
        }
    }

    /**
     * Runs {@code work} unless another import is running.
     *
     * @param description what the import is, such as {@code opening-stock by anna}, shown to a
     *                    user who is rejected meanwhile
     * @throws BusyException when another import is running; {@code work} does not run
     */
    public <T> T runAlone(String description, Supplier<T> work) {
        String other = running.compareAndExchange(null, description);
        if (other != null) {
            throw new BusyException(other);
        }
        try {
            return work.get();
        } finally {
            running.set(null);
        }
    }
}
