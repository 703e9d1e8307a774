package org.lotkeeper.core.plugins;

import java.time.Duration;

import org.lotkeeper.core.support.DurationSetting;

/**
 * How long one call into a type's code may take, and how many calls of one type may run at once.
 *
 * @param timeLimit       the longest a call may take before the core gives up on it
 * @param maxCallsPerType the most calls of one type that may be running, including calls that
 *                        timed out but whose type has not returned yet
 */
public record TypeCallPolicy(Duration timeLimit, int maxCallsPerType) {

    /** The property that sets {@link #timeLimit}. */
    public static final String TIME_LIMIT_PROPERTY = "lotkeeper.types.time-limit";
    /** The property that sets {@link #maxCallsPerType}. */
    public static final String MAX_CALLS_PROPERTY = "lotkeeper.types.max-calls-per-type";

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CALLS_PER_TYPE = 16;

    static final Duration MIN_TIME_LIMIT = Duration.ofMillis(100);
    static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);
    static final int MAX_MAX_CALLS = 1_000;

    public TypeCallPolicy {
        if (timeLimit.compareTo(MIN_TIME_LIMIT) < 0 || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException("time limit " + timeLimit + " is outside " + MIN_TIME_LIMIT
                    + " to " + MAX_TIME_LIMIT);
        }
        if (maxCallsPerType < 1 || maxCallsPerType > MAX_MAX_CALLS) {
            throw new IllegalArgumentException("max calls per type " + maxCallsPerType + " is outside 1 to "
                    + MAX_MAX_CALLS);
        }
    }

    /**
     * Reads the two properties; {@code null} or blank takes the default.
     *
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    public static TypeCallPolicy parse(String timeLimit, String maxCallsPerType) {
        return new TypeCallPolicy(parseTimeLimit(timeLimit), parseMaxCalls(maxCallsPerType));
    }

    static Duration parseTimeLimit(String text) {
        return new DurationSetting(TIME_LIMIT_PROPERTY, DEFAULT_TIME_LIMIT, MIN_TIME_LIMIT, MAX_TIME_LIMIT).parse(text);
    }

    static int parseMaxCalls(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_CALLS_PER_TYPE;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_MAX_CALLS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid " + MAX_CALLS_PROPERTY + "='" + text
                + "': give a whole number from 1 to " + MAX_MAX_CALLS + " (default " + DEFAULT_MAX_CALLS_PER_TYPE + ").");
    }

    /** Returns a duration as people read it: {@code 10 s}, {@code 1.5 s}. */
    public static String seconds(Duration duration) {
        return DurationSetting.seconds(duration);
    }
}
