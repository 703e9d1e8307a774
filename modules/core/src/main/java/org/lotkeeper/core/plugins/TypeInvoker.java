package org.lotkeeper.core.plugins;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Calls a type's {@code propose} and contains whatever goes wrong: a rejection becomes a rule
 * violation with the type's problems, anything thrown becomes that type's failure, logged with
 * its id. Either way nothing is posted.
 */
@ApplicationScoped
public class TypeInvoker {

    private static final Logger LOG = Logger.getLogger(TypeInvoker.class.getName());

    /** Returns the type's proposal; throws a {@link BusinessException} when there is none. */
    public List<ProposedLine> propose(RegisteredType registered, AdjustmentRequest request, StockView stock) {
        String id = registered.id();
        LOG.fine(() -> "Calling type='" + id + "' lines=" + request.lines().size());
        List<ProposedLine> lines;
        try {
            lines = registered.type().propose(request, stock);
        } catch (AdjustmentRejectedException e) {
            throw new BusinessException(ErrorCode.RULE_VIOLATION, e.getMessage(), e.problems());
        } catch (BusinessException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.log(Level.WARNING, "Adjustment type '" + id + "' failed while proposing lines", e);
            throw new BusinessException(ErrorCode.TYPE_FAILED, "type", id,
                    "Adjustment type '" + id + "' failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Nothing was posted.");
        }
        if (lines == null) {
            throw new BusinessException(ErrorCode.TYPE_FAILED, "type", id,
                    "Adjustment type '" + id + "' returned no proposal. Nothing was posted.");
        }
        return lines;
    }
}
