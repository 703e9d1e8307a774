package org.lotkeeper.api;

import java.time.LocalDate;

/**
 * The one rule that decides whether stock is expired, used by lists, pickers, suggestions and
 * posting alike.
 *
 * <p>An expiry date is the last day of use: stock expiring on 2025-03-31 may still be used on
 * that day and is expired from 2025-04-01. Both dates are calendar dates in the business time
 * zone.
 *
 * @since 1
 */
public final class Expiry {

    private Expiry() {
    }

    /** Returns whether stock with the given expiry date is expired on {@code date}. */
    public static boolean isExpired(LocalDate expiry, LocalDate date) {
        return expiry != null && date.isAfter(expiry);
    }
}
