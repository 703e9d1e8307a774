package org.lotkeeper.core.plugins;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * Calls a type's {@code propose} and contains whatever goes wrong: a rejection becomes a rule
 * violation with the type's problems; anything thrown, no answer, or no answer within the time
 * limit ({@value TypeCallPolicy#TIME_LIMIT_PROPERTY}) becomes that type's failure. A failure is
 * logged with the type id and the document id, counted in the type's {@link TypeCallStats} and
 * written to the audit trail as {@code type.failure}. Either way nothing is posted.
 * <p>
 * The calls run on a thread pool of this bean's own, bounded to
 * {@value TypeCallPolicy#MAX_CALLS_PROPERTY} threads per registered type, whose threads come
 * from the container's managed thread factory, so that the type runs with the application's
 * class loader and naming context. A pool that refuses instead of queueing lets a call fail at
 * once rather than wait for a thread while its time limit runs out. See {@link TypeCalls} for
 * what happens to a type that ignores the cancellation.
 */
@ApplicationScoped
public class TypeInvoker {

    private static final Logger LOG = Logger.getLogger(TypeInvoker.class.getName());

    @Inject
    @ConfigProperty(name = TypeCallPolicy.TIME_LIMIT_PROPERTY, defaultValue = "PT10S")
    String timeLimit;

    @Inject
    @ConfigProperty(name = TypeCallPolicy.MAX_CALLS_PROPERTY, defaultValue = "16")
    String maxCallsPerType;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    TypeRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    BusinessCalendar calendar;

    private ThreadPoolExecutor pool;
    private TypeCalls calls;

    @PostConstruct
    void start() {
        TypeCallPolicy policy;
        try {
            policy = TypeCallPolicy.parse(timeLimit, maxCallsPerType);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        int types = (int) Math.max(1, registry.all().stream().filter(RegisteredType::loaded).count());
        int maxThreads = policy.maxCallsPerType() * types;
        pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        calls = new TypeCalls(policy, pool);
        LOG.info(() -> "Adjustment-type calls: time limit " + TypeCallPolicy.seconds(policy.timeLimit()) + ", at most "
                + policy.maxCallsPerType() + " running per type, " + maxThreads + " threads in all");
        warnIfLockWaitIsShorter(policy);
    }

    /** Other postings wait for the lots a slow type's posting holds; Derby must let them wait that long. */
    private static void warnIfLockWaitIsShorter(TypeCallPolicy policy) {
        String wait = System.getProperty("derby.locks.waitTimeout");
        try {
            if (wait != null && Long.parseLong(wait.strip()) >= 0
                    && Long.parseLong(wait.strip()) * 1000 <= policy.timeLimit().toMillis()) {
                LOG.warning(() -> "derby.locks.waitTimeout=" + wait + " s is not longer than "
                        + TypeCallPolicy.TIME_LIMIT_PROPERTY + "; postings waiting for a slow type's lots fail"
                        + " before the type's call is cut off");
            }
        } catch (NumberFormatException e) {
            LOG.fine(() -> "derby.locks.waitTimeout is not a number: " + wait);
        }
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Returns the time limit and per-type cap in force. */
    public TypeCallPolicy policy() {
        return calls.policy();
    }

    /** Returns how the type's calls have gone since the application started. */
    public TypeCallStats stats(String typeId) {
        return calls.stats(typeId);
    }

    /**
     * Returns the type's proposal; throws a {@link BusinessException} when there is none.
     *
     * @param documentId the document the call is for, {@code null} when there is none yet
     */
    public List<ProposedLine> propose(RegisteredType registered, AdjustmentRequest request, StockView stock,
                                      Long documentId) {
        String id = registered.id();
        LOG.fine(() -> "Calling type='" + id + "' lines=" + request.lines().size());
        List<ProposedLine> lines;
        try {
            lines = calls.call(id, stock, view -> registered.type().propose(request, view));
        } catch (TypeCallException e) {
            String message = e.getMessage();
            if (e.reason() == TypeCallException.Reason.TIMED_OUT) {
                report(id, documentId, message, null);
            } else {
                // A refused call is counted by TypeCalls; it is logged and audited, but is no failure of its own.
                LOG.warning(() -> "Adjustment type id='" + id + "'" + (documentId == null ? "" : " document id=" + documentId)
                        + " not called: " + message);
                auditFailure(id, documentId, message);
            }
            ErrorCode code = switch (e.reason()) {
                case TIMED_OUT -> ErrorCode.TYPE_TIMED_OUT;
                case TYPE_AT_CAP, NO_THREAD -> ErrorCode.TYPE_BUSY;
                case INTERRUPTED -> ErrorCode.TYPE_FAILED;
            };
            throw new BusinessException(code, "type", id, message);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AdjustmentRejectedException rejected) {
                throw new BusinessException(ErrorCode.RULE_VIOLATION, rejected.getMessage(), rejected.problems());
            }
            if (cause instanceof BusinessException business) {
                throw business;
            }
            if (cause instanceof VirtualMachineError fatal && !(cause instanceof StackOverflowError)) {
                report(id, documentId, "Adjustment type '" + id + "' failed: " + cause, cause);
                throw fatal;
            }
            String message = "Adjustment type '" + id + "' failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ". Nothing was posted.";
            report(id, documentId, message, cause);
            throw new BusinessException(ErrorCode.TYPE_FAILED, "type", id, message);
        }
        if (lines == null) {
            String message = "Adjustment type '" + id + "' returned no proposal. Nothing was posted.";
            report(id, documentId, message, null);
            throw new BusinessException(ErrorCode.TYPE_FAILED, "type", id, message);
        }
        return lines;
    }

    /**
     * Reports a failure of the type that the core found in its proposal, such as a line on a lot
     * the request does not name: logged, counted and audited like a failure of the call.
     */
    public void reportFailure(String typeId, Long documentId, String message) {
        report(typeId, documentId, message, null);
    }

    /** Logs, counts and audits a failure of the type, in that order, so a failing audit loses nothing else. */
    private void report(String typeId, Long documentId, String message, Throwable cause) {
        String document = documentId == null ? "" : " document id=" + documentId;
        LOG.log(Level.WARNING, "Adjustment type id='" + typeId + "'" + document + " failed: " + message, cause);
        calls.recordFailure(typeId, message, calendar.now());
        auditFailure(typeId, documentId, message);
    }

    private void auditFailure(String typeId, Long documentId, String message) {
        try {
            audit.recordFailure(caller.name(), "type.failure", typeId,
                    (documentId == null ? "" : "document " + documentId + ": ") + message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not audit the failure of adjustment type id='" + typeId + "'", e);
        }
    }
}
