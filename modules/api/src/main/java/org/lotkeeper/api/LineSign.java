package org.lotkeeper.api;

import java.math.BigDecimal;

/**
 * Direction of a ledger line: a positive line adds stock to its lot, a negative line removes it.
 *
 * @since 1
 */
public enum LineSign {
    POSITIVE,
    NEGATIVE;

    /** Returns the sign of a non-zero quantity. */
    public static LineSign of(BigDecimal quantity) {
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("A line quantity must not be zero");
        }
        return quantity.signum() > 0 ? POSITIVE : NEGATIVE;
    }
}
