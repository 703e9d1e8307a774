package org.lotkeeper.core.plugins;

import java.time.Instant;

/**
 * How a type's calls have gone since the application started, for the type list and the admin
 * console.
 *
 * @param inFlight      calls running now, including timed-out calls the type has not returned from
 * @param timedOut      calls that took longer than the time limit
 * @param failed        calls that threw, returned nothing or timed out
 * @param refused       calls not started because the type was at its cap of running calls
 * @param lastFailure   what went wrong the last time, {@code null} when nothing has
 * @param lastFailureAt when that was, {@code null} when nothing has gone wrong
 */
public record TypeCallStats(int inFlight, long timedOut, long failed, long refused, String lastFailure,
                            Instant lastFailureAt) {

    public static final TypeCallStats NONE = new TypeCallStats(0, 0, 0, 0, null, null);
}
