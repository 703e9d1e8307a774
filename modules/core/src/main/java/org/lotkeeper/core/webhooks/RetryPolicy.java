package org.lotkeeper.core.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after 2 s, then twice as long after each further
 * failure (4 s, 8 s, 16 s, 32 s), at most {@link #MAX_DELAY} apart, and not after the
 * {@link #MAX_ATTEMPTS}th attempt.
 */
final class RetryPolicy {

    /** Attempts per delivery, the first one included. */
    static final int MAX_ATTEMPTS = 6;
    /** Wait after the first failed attempt. */
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    /** Maximum wait between two attempts. */
    static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private RetryPolicy() {
    }

    /** Returns the wait before the next attempt after {@code attempts} failed ones, or empty to give up. */
    static Optional<Duration> delayAfter(int attempts) {
        if (attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }
}
