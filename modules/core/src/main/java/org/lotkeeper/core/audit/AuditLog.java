package org.lotkeeper.core.audit;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.support.BusinessCalendar;

/**
 * Writes audit events. An action's event joins the action's transaction, so it commits with the
 * action or not at all. A refusal, or an adjustment type's failure, is written in a transaction of
 * its own, so it stays recorded even though the refused or failed call rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    /** Outcome of an action that took effect. */
    public static final String SUCCESS = "success";
    /** Outcome of an action refused for lack of rights. */
    public static final String DENIED = "denied";
    /** Outcome of a call into an adjustment type's code that failed, timed out or was refused. */
    public static final String FAILED = "failed";
    /** Outcome of an action refused because of what it was given, such as an upload that is not a usable plugin. */
    public static final String REJECTED = "rejected";

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    RequestOrigin origin;

    /** Records an action in the caller's transaction; {@code detail} must not contain secrets. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String user, String action, String target, String outcome, String detail) {
        em.persist(new AuditEvent(calendar.now(), user, action, target, outcome, truncate(detail), origin.address()));
        LOG.fine(() -> "audit user='" + user + "' action='" + action + "' target='" + target + "' outcome=" + outcome);
    }

    /** Records a refused action in a transaction of its own, which commits whatever the caller does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(String user, String action, String target, String detail) {
        record(user, action, target, DENIED, detail);
    }

    /**
     * Records an adjustment type's failure in a transaction of its own, so it stays recorded
     * although the call that met the failure rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String user, String action, String target, String detail) {
        record(user, action, target, FAILED, detail);
    }

    /**
     * Records an action refused for its input in a transaction of its own, which commits whatever
     * the caller does; {@code detail} says why and must not contain secrets.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRejection(String user, String action, String target, String detail) {
        record(user, action, target, REJECTED, detail);
    }

    /** Returns the latest events, newest first, optionally only those of one user or action. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> latest(String user, String action, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        if (user != null) {
            jpql.append(" AND e.userName = :user");
        }
        if (action != null) {
            jpql.append(" AND e.action = :action");
        }
        var query = em.createQuery(jpql.append(" ORDER BY e.id DESC").toString(), AuditEvent.class);
        if (user != null) {
            query.setParameter("user", user);
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Returns every action name recorded so far, sorted, for filter choices. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT e.action FROM AuditEvent e ORDER BY e.action", String.class)
                .getResultList();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
