package org.lotkeeper.api;

import java.util.Objects;

/**
 * One reason a request cannot be accepted.
 *
 * @param field   path of the offending input, such as {@code lines[2].quantity} or
 *                {@code fields.reason}
 * @param value   the offending value as text, or {@code null} when it was missing
 * @param message what is wrong and what is allowed, as a sentence
 * @since 1
 */
public record Problem(String field, String value, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
