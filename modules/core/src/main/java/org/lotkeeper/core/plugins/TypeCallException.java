package org.lotkeeper.core.plugins;

/** A call into a type's code that did not run to its end: it timed out or was refused. */
public final class TypeCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call has no result. */
    public enum Reason {
        /** The type did not return within the time limit; the call was cancelled. */
        TIMED_OUT,
        /** The type already has as many calls running as it may; the call was not started. */
        TYPE_AT_CAP,
        /** Every thread for type calls is busy; the call was not started. */
        NO_THREAD,
        /** The calling thread was interrupted while it waited; the call was cancelled. */
        INTERRUPTED
    }

    private final Reason reason;

    TypeCallException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
