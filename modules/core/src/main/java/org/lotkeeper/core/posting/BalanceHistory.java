package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.lotkeeper.api.Problem;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.support.BusinessCalendar;

/**
 * Checks a lot's quantity over time. A line dated now only has to keep the current balance at
 * zero or above; a backdated line must keep every later running balance there too, and must not
 * precede a posted stocktake of the lot, whose count already settled that period.
 */
@ApplicationScoped
public class BalanceHistory {

    /** Type id whose entries settle a lot's quantity as of their date. */
    public static final String STOCKTAKE_TYPE = "stocktake";

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    /**
     * Adds a problem when adding {@code delta} to {@code lot} at {@code at} breaks a rule. The lot
     * must be locked by the caller.
     */
    public void check(Lot lot, BigDecimal delta, Instant at, Long documentId, List<Problem> problems) {
        boolean backdated = lot.getLastEffectiveAt() != null && at.isBefore(lot.getLastEffectiveAt());
        if (!backdated) {
            checkCurrent(lot, delta, problems);
            return;
        }
        checkStocktakeAfter(lot, at, documentId, problems);
        if (delta.signum() < 0) {
            checkRunningBalances(lot, delta, at, problems);
        }
    }

    private static void checkCurrent(Lot lot, BigDecimal delta, List<Problem> problems) {
        if (lot.getQuantity().add(delta).signum() < 0) {
            problems.add(shortage(lot, delta.negate(), lot.getQuantity()));
        }
    }

    /** Adds a problem naming the first stocktake of the lot that takes effect after {@code at}. */
    public void checkStocktakeAfter(Lot lot, Instant at, Long documentId, List<Problem> problems) {
        List<LedgerEntry> stocktakes = em.createQuery("SELECT e FROM LedgerEntry e WHERE e.lotId = :lot"
                        + " AND e.typeId = :type AND e.effectiveAt > :at ORDER BY e.effectiveAt", LedgerEntry.class)
                .setParameter("lot", lot.getId())
                .setParameter("type", STOCKTAKE_TYPE)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultList();
        if (!stocktakes.isEmpty() && !stocktakes.get(0).getDocumentId().equals(documentId)) {
            LedgerEntry stocktake = stocktakes.get(0);
            problems.add(new Problem("effectiveDate", calendar.dateOf(at).toString(), "Lot " + lot.getCode() + " of "
                    + lot.getProduct().getSku() + " was counted by stocktake document " + stocktake.getDocumentId()
                    + " effective " + calendar.dateOf(stocktake.getEffectiveAt())
                    + "; a change dated before that count cannot be posted."));
        }
    }

    private void checkRunningBalances(Lot lot, BigDecimal delta, Instant at, List<Problem> problems) {
        List<LedgerEntry> later = em.createQuery("SELECT e FROM LedgerEntry e WHERE e.lotId = :lot"
                        + " AND e.effectiveAt > :at ORDER BY e.effectiveAt, e.id", LedgerEntry.class)
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
                problems.add(new Problem("lines", lot.getCode(), "Removing " + plain(delta.negate()) + " from lot "
                        + lot.getCode() + " of " + lot.getProduct().getSku() + " on " + calendar.dateOf(at)
                        + " would leave it at " + plain(running) + " after " + calendar.dateOf(entry.getEffectiveAt())
                        + " (document " + entry.getDocumentId() + ")."));
                return;
            }
        }
    }

    private static Problem shortage(Lot lot, BigDecimal requested, BigDecimal available) {
        return new Problem("lines", lot.getCode(), "Not enough stock in lot " + lot.getCode() + " of "
                + lot.getProduct().getSku() + " at " + lot.getLocation().getCode() + ": requested " + plain(requested)
                + ", available " + plain(available) + ".");
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
