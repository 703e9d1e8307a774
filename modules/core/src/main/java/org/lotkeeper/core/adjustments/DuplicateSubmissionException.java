package org.lotkeeper.core.adjustments;

import jakarta.ejb.ApplicationException;

import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Thrown when another request with the same client key committed first. The caller looks the
 * key up again in a new transaction and returns that document.
 */
@ApplicationException(rollback = true)
public class DuplicateSubmissionException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String clientKey;

    public DuplicateSubmissionException(String clientKey) {
        super(ErrorCode.CONFLICT, "Idempotency-Key", clientKey,
                "A request with the same Idempotency-Key is being processed.");
        this.clientKey = clientKey;
    }

    public String clientKey() {
        return clientKey;
    }
}
