package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.ledger.LotCount;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.support.BusinessCalendar;

/**
 * Checks a lot's quantity over time. A line dated now only has to keep the current balance at
 * zero or above; a backdated line must keep every later running balance there too, and must not
 * precede a posted stocktake of the lot, whose count already settled that period.
 */
@ApplicationScoped
public class BalanceHistory {

    /** Type id whose documents settle the quantities of the lots they count, as of their date. */
    public static final String STOCKTAKE_TYPE = "stocktake";

    /** Line field of a stocktake request that contains a lot's counted quantity. */
    public static final String COUNTED_FIELD = "counted";

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    /**
     * Adds problems when the lines of one document on {@code lot}, summed, break a rule at
     * {@code at}. The lot must be locked by the caller.
     */
    public void check(Lot lot, List<PlannedLine> lines, Instant at, Long documentId, List<Problem> problems) {
        // A count that matched wrote no entry, so the lot's latest entry may predate it.
        checkStocktakeAfter(lot, at, documentId, problems);
        BigDecimal delta = ShortageProblems.delta(lines);
        boolean backdated = lot.getLastEffectiveAt() != null && at.isBefore(lot.getLastEffectiveAt());
        if (!backdated) {
            checkCurrent(lot, lines, delta, problems);
            return;
        }
        if (delta.signum() < 0) {
            checkRunningBalances(lot, lines, delta, at, problems);
        }
    }

    static void checkCurrent(Lot lot, List<PlannedLine> lines, BigDecimal delta, List<Problem> problems) {
        if (lot.getQuantity().add(delta).signum() < 0) {
            problems.addAll(ShortageProblems.notEnough(lot, lines, delta.negate(), lot.getQuantity()));
        }
    }

    /**
     * Adds a problem naming the first posted stocktake that counted the lot after {@code at},
     * other than {@code documentId} itself.
     */
    public void checkStocktakeAfter(Lot lot, Instant at, Long documentId, List<Problem> problems) {
        // The lot's latest count settles most cases without a query, since most lots were not
        // counted after the date of a posting.
        if (lot.getLastCountedAt() == null || !lot.getLastCountedAt().isAfter(at)) {
            return;
        }
        // No flush before these queries, because a posting writes its entries and counted lots
        // after the checks, and each flush compares every managed object with its copy.
        List<LotCount> counts = em.createQuery("SELECT c FROM LotCount c WHERE c.lotId = :lot"
                        + " AND c.effectiveAt > :at AND c.documentId <> :doc ORDER BY c.effectiveAt", LotCount.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("lot", lot.getId())
                .setParameter("at", at)
                .setParameter("doc", documentId == null ? -1L : documentId)
                .setMaxResults(1)
                .getResultList();
        if (!counts.isEmpty()) {
            LotCount count = counts.get(0);
            problems.add(new Problem("effectiveDate", calendar.dateOf(at).toString(), "Lot " + lot.getCode() + " of "
                    + lot.getProduct().getSku() + " was counted by stocktake document " + count.getDocumentId()
                    + " effective " + calendar.dateOf(count.getEffectiveAt())
                    + "; a change dated before that count cannot be posted."));
        }
    }

    private void checkRunningBalances(Lot lot, List<PlannedLine> lines, BigDecimal delta, Instant at,
                                      List<Problem> problems) {
        List<LedgerEntry> later = em.createQuery("SELECT e FROM LedgerEntry e WHERE e.lotId = :lot"
                        + " AND e.effectiveAt > :at ORDER BY e.effectiveAt, e.id", LedgerEntry.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("lot", lot.getId())
                .setParameter("at", at)
                .getResultList();
        BigDecimal laterSum = later.stream().map(LedgerEntry::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal balanceAt = lot.getQuantity().subtract(laterSum);

        BigDecimal running = balanceAt.add(delta);
        if (running.signum() < 0) {
            problems.addAll(ShortageProblems.notEnough(lot, lines, delta.negate(), balanceAt));
            return;
        }
        for (LedgerEntry entry : later) {
            running = running.add(entry.getQuantity());
            if (running.signum() < 0) {
                String laterEntry = calendar.dateOf(entry.getEffectiveAt()) + " (document " + entry.getDocumentId()
                        + ")";
                problems.addAll(ShortageProblems.negativeLater(lot, lines, delta.negate(),
                        calendar.dateOf(at).toString(), running, laterEntry));
                return;
            }
        }
    }
}
