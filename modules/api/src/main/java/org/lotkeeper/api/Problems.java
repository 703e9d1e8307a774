package org.lotkeeper.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a type checks a request, so that one rejection reports all of them.
 *
 * @since 1
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    /** Adds a problem. */
    public Problems add(String field, Object value, String message) {
        problems.add(new Problem(field, value == null ? null : value.toString(), message));
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
