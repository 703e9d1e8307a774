package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Maximum number of lot ids bound into one {@code IN} list, which keeps statements short for large documents. */
    static final int LOTS_PER_QUERY = 500;

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
        checkQuantities(lot, delta, at, problems);
    }

    /**
     * Checks every lot's delta as {@link #check} does, in the map's order and with the same
     * problems, but reads the posted stocktakes of all lots with one query per
     * {@value #LOTS_PER_QUERY} lots instead of one query per lot.
     */
    public void checkAll(Map<Lot, BigDecimal> deltas, Instant at, Long documentId, List<Problem> problems) {
        Map<Long, LotCount> counts = firstCountsAfter(deltas.keySet().stream().map(Lot::getId).toList(), at, documentId);
        deltas.forEach((lot, delta) -> {
            LotCount count = counts.get(lot.getId());
            if (count != null) {
                problems.add(countedAfter(lot, at, count));
            }
            checkQuantities(lot, delta, at, problems);
        });
    }

    private void checkQuantities(Lot lot, BigDecimal delta, Instant at, List<Problem> problems) {
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
        List<LotCount> counts = em.createQuery("SELECT c FROM LotCount c WHERE c.lotId = :lot"
                        + " AND c.effectiveAt > :at AND c.documentId <> :doc ORDER BY c.effectiveAt", LotCount.class)
                .setParameter("lot", lot.getId())
                .setParameter("at", at)
                .setParameter("doc", documentId == null ? -1L : documentId)
                .setMaxResults(1)
                .getResultList();
        if (!counts.isEmpty()) {
            problems.add(countedAfter(lot, at, counts.get(0)));
        }
    }

    /** Returns the earliest posted stocktake after {@code at} of each lot that has one, other than {@code documentId}. */
    private Map<Long, LotCount> firstCountsAfter(List<Long> lotIds, Instant at, Long documentId) {
        Map<Long, LotCount> first = new HashMap<>();
        for (int from = 0; from < lotIds.size(); from += LOTS_PER_QUERY) {
            List<Long> chunk = lotIds.subList(from, Math.min(lotIds.size(), from + LOTS_PER_QUERY));
            em.createQuery("SELECT c FROM LotCount c WHERE c.lotId IN :lots AND c.effectiveAt > :at"
                            + " AND c.documentId <> :doc ORDER BY c.effectiveAt", LotCount.class)
                    // The posting's pending changes do not affect posted counts, so they are written
                    // once, by the posting's own flush.
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("lots", chunk)
                    .setParameter("at", at)
                    .setParameter("doc", documentId == null ? -1L : documentId)
                    .getResultList()
                    .forEach(count -> first.putIfAbsent(count.getLotId(), count));
        }
        return first;
    }

    private Problem countedAfter(Lot lot, Instant at, LotCount count) {
        return new Problem("effectiveDate", calendar.dateOf(at).toString(), "Lot " + lot.getCode() + " of "
                + lot.getProduct().getSku() + " was counted by stocktake document " + count.getDocumentId()
                + " effective " + calendar.dateOf(count.getEffectiveAt())
                + "; a change dated before that count cannot be posted.");
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
