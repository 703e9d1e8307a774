package org.lotkeeper.core.webhooks;

import java.time.Duration;

import org.lotkeeper.core.support.DurationSetting;

/**
 * Timing of webhook deliveries.
 *
 * @param timeout       how long an attempt may take to connect and, separately, to get a response
 * @param sweepInterval how often each server looks for due deliveries that no live server has claimed
 */
public record WebhookSettings(Duration timeout, Duration sweepInterval) {

    /** The property that sets {@link #timeout}. */
    public static final String TIMEOUT_PROPERTY = "lotkeeper.webhooks.timeout";
    /** The property that sets {@link #sweepInterval}. */
    public static final String SWEEP_INTERVAL_PROPERTY = "lotkeeper.webhooks.sweep-interval";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

    /**
     * Time a claim lasts beyond the longest attempt: it covers recording the outcome in the
     * database and clocks of different servers that disagree by a few seconds.
     */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MIN_SWEEP_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_SWEEP_INTERVAL = Duration.ofHours(1);

    public WebhookSettings {
        check(TIMEOUT_PROPERTY, timeout, MIN_TIMEOUT, MAX_TIMEOUT);
        check(SWEEP_INTERVAL_PROPERTY, sweepInterval, MIN_SWEEP_INTERVAL, MAX_SWEEP_INTERVAL);
    }

    /**
     * Returns how long a claim on an attempt lasts: the connect timeout plus the response timeout
     * plus {@link #LEASE_MARGIN}, so that no server takes over an attempt that is still running.
     */
    public Duration lease() {
        return timeout.multipliedBy(2).plus(LEASE_MARGIN);
    }

    /**
     * Reads the two properties; {@code null} or blank takes the default.
     *
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    public static WebhookSettings parse(String timeout, String sweepInterval) {
        return new WebhookSettings(
                new DurationSetting(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT).parse(timeout),
                new DurationSetting(SWEEP_INTERVAL_PROPERTY, DEFAULT_SWEEP_INTERVAL, MIN_SWEEP_INTERVAL,
                        MAX_SWEEP_INTERVAL).parse(sweepInterval));
    }

    private static void check(String property, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(property + " " + value + " is outside " + min + " to " + max);
        }
    }
}
