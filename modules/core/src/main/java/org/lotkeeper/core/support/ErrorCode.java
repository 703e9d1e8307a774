package org.lotkeeper.core.support;

/**
 * Stable codes of business rejections. Each maps to one HTTP status and one Faces message
 * severity; the code itself appears in problem responses so clients can branch on it.
 */
public enum ErrorCode {
    /** The input is malformed or missing: a number that is not a number, a missing field. */
    INVALID_INPUT(400),
    /** The caller is not allowed to do this. */
    ACCESS_DENIED(403),
    /** A referenced product, location, lot, document, user or type does not exist. */
    NOT_FOUND(404),
    /** The request clashes with the current state: a duplicate key, a document already posted. */
    CONFLICT(409),
    /** The request body is larger than the endpoint accepts, such as a plugin jar over its size limit. */
    PAYLOAD_TOO_LARGE(413),
    /** The input is well formed but breaks a ledger or type rule: not enough stock, too many decimals. */
    RULE_VIOLATION(422),
    /** An adjustment-type plugin failed; nothing was posted. */
    TYPE_FAILED(500),
    /** An adjustment-type plugin has as many calls running as it may, or no thread is free; nothing was posted. */
    TYPE_BUSY(503),
    /** An adjustment-type plugin did not answer within the time limit; nothing was posted. */
    TYPE_TIMED_OUT(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the code as it appears in problem responses, such as {@code rule-violation}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
