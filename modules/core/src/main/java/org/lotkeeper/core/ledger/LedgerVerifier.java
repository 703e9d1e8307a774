package org.lotkeeper.core.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;

/**
 * Recomputes every lot's balance from its entries and reports drift: a stored quantity or value
 * that differs from the sum of the entries, or a running balance that dips below zero at some
 * effective time.
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final Logger LOG = Logger.getLogger(LedgerVerifier.class.getName());

    /** Lots whose entries are read in one query by the running-balance check. */
    private static final int LOTS_PER_READ = 2_000;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    /** The verification result; {@code problems} is empty when the ledger agrees with the balances. */
    public record Report(long lots, long entries, List<String> problems) {
        public boolean consistent() {
            return problems.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report verify() {
        caller.require(Role.VIEWER, "ledger.verify", null);
        List<String> problems = new ArrayList<>();

        List<Object[]> sums = em.createQuery("SELECT l.id, l.quantity, l.value, SUM(e.quantity), SUM(e.value), COUNT(e)"
                + " FROM Lot l LEFT JOIN LedgerEntry e ON e.lotId = l.id GROUP BY l.id, l.quantity, l.value"
                + " ORDER BY l.id",
                Object[].class).getResultList();
        long entries = 0;
        List<Long> lotIds = new ArrayList<>(sums.size());
        for (Object[] row : sums) {
            lotIds.add(((Number) row[0]).longValue());
            BigDecimal quantity = (BigDecimal) row[1];
            BigDecimal value = (BigDecimal) row[2];
            BigDecimal entryQuantity = row[3] == null ? BigDecimal.ZERO : new BigDecimal(row[3].toString());
            BigDecimal entryValue = row[4] == null ? BigDecimal.ZERO : new BigDecimal(row[4].toString());
            entries += ((Number) row[5]).longValue();
            if (quantity.compareTo(entryQuantity) != 0 || value.compareTo(entryValue) != 0) {
                problems.add("Lot " + row[0] + " stores " + quantity.toPlainString() + " / " + value.toPlainString()
                        + " but its entries sum to " + entryQuantity.toPlainString() + " / " + entryValue.toPlainString());
            }
            if (quantity.signum() < 0) {
                problems.add("Lot " + row[0] + " has a negative quantity " + quantity.toPlainString());
            }
        }
        checkRunningBalances(lotIds, problems);

        Report report = new Report(sums.size(), entries, problems);
        LOG.info(() -> "Ledger verified: lots=" + report.lots() + " entries=" + report.entries() + " problems="
                + problems.size());
        return report;
    }

    /**
     * Walks each lot's entries in effective order. The entries are read a range of lots at a time,
     * because a million entries read at once exhausted a 512 MB heap.
     */
    private void checkRunningBalances(List<Long> lotIds, List<String> problems) {
        for (int from = 0; from < lotIds.size(); from += LOTS_PER_READ) {
            List<Long> range = lotIds.subList(from, Math.min(from + LOTS_PER_READ, lotIds.size()));
            List<Object[]> rows = em.createQuery("SELECT e.lotId, e.quantity, e.id FROM LedgerEntry e"
                    + " WHERE e.lotId >= :first AND e.lotId <= :last ORDER BY e.lotId, e.effectiveAt, e.id",
                    Object[].class)
                    .setParameter("first", range.get(0))
                    .setParameter("last", range.get(range.size() - 1))
                    .getResultList();
            checkRangeOfLots(rows, problems);
        }
    }

    private static void checkRangeOfLots(List<Object[]> rows, List<String> problems) {
        Long lot = null;
        BigDecimal running = BigDecimal.ZERO;
        boolean reported = false;
        for (Object[] row : rows) {
            Long lotId = ((Number) row[0]).longValue();
            if (!lotId.equals(lot)) {
                lot = lotId;
                running = BigDecimal.ZERO;
                reported = false;
            }
            running = running.add((BigDecimal) row[1]);
            if (running.signum() < 0 && !reported) {
                problems.add("Lot " + lotId + " falls to " + running.toPlainString() + " at entry " + row[2]);
                reported = true;
            }
        }
    }
}
