package org.lotkeeper.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a type checks a request, so that one rejection reports all of them.
 *
 * @since 1
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    /**
     * Adds a problem. A {@link BigDecimal} value is written without an exponent, so that
     * {@code 100} does not read as {@code 1E+2}.
     */
    public Problems add(String field, Object value, String message) {
        String text = switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
        problems.add(new Problem(field, text, message));
        return this;
    }

    /** Returns whether no problem was added. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws an {@link AdjustmentRejectedException} with every problem, if there is any. */
    public void throwIfAny() throws AdjustmentRejectedException {
        if (!problems.isEmpty()) {
            throw new AdjustmentRejectedException(problems);
        }
    }
}
