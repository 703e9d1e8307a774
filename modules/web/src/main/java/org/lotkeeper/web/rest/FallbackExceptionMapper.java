package org.lotkeeper.web.rest;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.support.BusinessException;

/**
 * Maps everything else: JAX-RS errors keep their status (404 for an unknown path, 405, 415 for a
 * wrong content type), business rejections wrapped by the container are unwrapped, and any
 * other failure becomes a 500 problem whose details stay in the server log.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        BusinessException business = unwrap(e);
        if (business != null) {
            return new BusinessExceptionMapper().toResponse(business);
        }
        if (isLockConflict(e)) {
            LOG.log(Level.WARNING, "A posting could not lock its lots in time; nothing was posted", e);
            return ProblemResponses.of(409, "conflict", "Conflict", "Other postings held the same lots for too long;"
                    + " nothing was posted. Send the request again.", List.of(new Problem("lines", null,
                    "The lots were locked by other postings; try again.")));
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String message = web.getMessage() == null ? "Request failed" : web.getMessage();
            return ProblemResponses.of(status, "http-" + status, message, message,
                    List.of(new Problem("request", null, message)));
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The server failed to process the request; nothing was changed. The server log has the details.",
                List.of());
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static BusinessException unwrap(Throwable e) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof BusinessException business) {
                return business;
            }
            if (!(current instanceof TransactionalException || current instanceof EJBException
                    || current.getCause() != null)) {
                return null;
            }
            current = current.getCause();
        }
        return null;
    }
}
