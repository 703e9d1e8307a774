package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.core.support.Decimals;
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
     * Adds a problem when adding {@code delta} to {@code lot} at {@code at} breaks a rule. The lot
     * must be locked by the caller.
     */
    public void check(Lot lot, BigDecimal delta, Instant at, Long documentId, List<Problem> problems) {
        // A count that matched wrote no entry, so the lot's latest entry may predate it.
        checkStocktakeAfter(lot, at, documentId, problems);
        boolean backdated = lot.getLastEffectiveAt() != null && at.isBefore(lot.getLastEffectiveAt());
        if (!backdated) {
            checkCurrent(lot, delta, problems);
            return;
        }
        if (delta.signum() < 0) {
            checkRunningBalances(lot, delta, at, problems);
        }
    }

    private static void checkCurrent(Lot lot, BigDecimal delta, List<Problem> problems) {
        if (lot.getQuantity().add(delta).signum() < 0) {
            problems.add(shortage(lot, delta.negate(), lot.getQuantity()));
        }
    }

    /**
     * Adds a problem naming the first posted stocktake that counted the lot after {@code at},
     * other than {@code documentId} itself.
     */
    public void checkStocktakeAfter(Lot lot, Instant at, Long documentId, List<Problem> problems) {
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

    private void checkRunningBalances(Lot lot, BigDecimal delta, Instant at, List<Problem> problems) {
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
            problems.add(shortage(lot, delta.negate(), balanceAt));
            return;
        }
        for (LedgerEntry entry : later) {
            running = running.add(entry.getQuantity());
            if (running.signum() < 0) {
                problems.add(new Problem("lines", lot.getCode(), "Removing " + Decimals.plain(delta.negate()) + " from lot "
                        + lot.getCode() + " of " + lot.getProduct().getSku() + " on " + calendar.dateOf(at)
                        + " would leave it at " + Decimals.plain(running) + " after " + calendar.dateOf(entry.getEffectiveAt())
                        + " (document " + entry.getDocumentId() + ")."));
                return;
            }
        }
    }

    private static Problem shortage(Lot lot, BigDecimal requested, BigDecimal available) {
        return new Problem("lines", lot.getCode(), "Not enough stock in lot " + lot.getCode() + " of "
                + lot.getProduct().getSku() + " at " + lot.getLocation().getCode() + ": requested " + Decimals.plain(requested)
                + ", available " + Decimals.plain(available) + ".");
    }
}
