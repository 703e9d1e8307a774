package org.lotkeeper.core.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A duration setting, such as {@code lotkeeper.webhooks.timeout}, given as an ISO-8601
 * duration such as {@code PT10S} or {@code PT1.5S}, or a number of seconds such as {@code 10} or
 * {@code 1.5}, within a range.
 *
 * @param property     the setting's name, quoted in errors
 * @param defaultValue the value when the setting is missing or blank
 * @param min          the shortest allowed value
 * @param max          the longest allowed value
 */
public record DurationSetting(String property, Duration defaultValue, Duration min, Duration max) {

    /**
     * Reads {@code text}; {@code null} or blank takes the default.
     *
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    public Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String value = text.strip();
        Duration duration;
        try {
            duration = value.matches("\\d+(\\.\\d+)?")
                    ? Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValueExact())
                    : Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(text);
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw invalid(text);
        }
        return duration;
    }

    private IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Invalid " + property + "='" + text + "': give an ISO-8601 duration such as "
                + defaultValue + " or a number of seconds such as " + seconds(defaultValue).replace(" s", "")
                + ", from " + seconds(min) + " to " + seconds(max) + " (default " + seconds(defaultValue) + ").");
    }

    /** Returns a duration as people read it: {@code 10 s}, {@code 1.5 s}. */
    public static String seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros();
        return seconds.toPlainString() + " s";
    }
}
