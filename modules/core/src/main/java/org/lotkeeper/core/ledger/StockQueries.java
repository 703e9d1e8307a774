package org.lotkeeper.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.support.Decimals;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;

/**
 * Stock on hand now or as of the end of a past business date, per lot, product or location. A
 * past balance is the current balance minus the entries that take effect after that date.
 */
@ApplicationScoped
public class StockQueries {

    /** How stock is grouped. */
    public enum GroupBy { LOT, PRODUCT, LOCATION }

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    BusinessCalendar calendar;

    /** Returns the non-zero stock rows, sorted by key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockRow> onHand(LocalDate asOf, GroupBy groupBy, String productSku, String locationCode) {
        caller.require(Role.VIEWER, "stock.read", null);
        if (asOf != null && asOf.isAfter(calendar.today())) {
            throw BusinessException.invalid("asOf", asOf, "Stock cannot be read as of a future date; today is "
                    + calendar.today() + ".");
        }

        StringBuilder jpql = new StringBuilder("SELECT l.id, l.product.sku, l.location.code, l.code, l.quantity, l.value"
                + " FROM Lot l WHERE 1 = 1");
        if (productSku != null) {
            jpql.append(" AND l.product.sku = :sku");
        }
        if (locationCode != null) {
            jpql.append(" AND l.location.code = :location");
        }
        var query = em.createQuery(jpql.toString(), Object[].class);
        if (productSku != null) {
            query.setParameter("sku", productSku);
        }
        if (locationCode != null) {
            query.setParameter("location", locationCode);
        }
        Map<Long, BigDecimal[]> later = asOf == null ? Map.of() : laterEntries(endOf(asOf), productSku, locationCode);

        Map<String, Accumulator> groups = new TreeMap<>();
        for (Object[] row : query.getResultList()) {
            long lotId = ((Number) row[0]).longValue();
            BigDecimal[] after = later.getOrDefault(lotId, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal quantity = ((BigDecimal) row[4]).subtract(after[0]);
            BigDecimal value = ((BigDecimal) row[5]).subtract(after[1]);
            if (quantity.signum() == 0 && value.signum() == 0) {
                continue;
            }
            String key = switch (groupBy) {
                case LOT -> Long.toString(lotId);
                case PRODUCT -> (String) row[1];
                case LOCATION -> (String) row[2];
            };
            String label = groupBy == GroupBy.LOT ? row[1] + " " + row[3] + " at " + row[2] : key;
            groups.computeIfAbsent(key, k -> new Accumulator(label)).add(quantity, value);
        }

        List<StockRow> rows = new ArrayList<>();
        groups.forEach((key, sum) -> rows.add(new StockRow(key, sum.label, sum.quantity.stripTrailingZeros(), sum.value,
                sum.lots)));
        return rows;
    }

    /** Returns the value of all stock on hand now, the sum of every lot's balance. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal totalValue() {
        caller.require(Role.VIEWER, "stock.read", null);
        Object sum = em.createQuery("SELECT COALESCE(SUM(l.value), 0) FROM Lot l").getSingleResult();
        return Decimals.of(sum).setScale(2);
    }

    private Instant endOf(LocalDate date) {
        return date.equals(calendar.today()) ? calendar.now() : calendar.effectiveInstant(date);
    }

    /**
     * Sums the entries effective after {@code after} per lot. With a product or location filter
     * only the entries of the matching lots are read, through the index on lot and effective
     * time, so a query for a few lots does not scan every later entry of the ledger.
     */
    private Map<Long, BigDecimal[]> laterEntries(Instant after, String productSku, String locationCode) {
        StringBuilder jpql = new StringBuilder("SELECT e.lotId, SUM(e.quantity), SUM(e.value) FROM LedgerEntry e");
        if (productSku != null || locationCode != null) {
            jpql.append(", Lot l WHERE l.id = e.lotId AND e.effectiveAt > :t");
            if (productSku != null) {
                jpql.append(" AND l.product.sku = :sku");
            }
            if (locationCode != null) {
                jpql.append(" AND l.location.code = :location");
            }
        } else {
            jpql.append(" WHERE e.effectiveAt > :t");
        }
        var query = em.createQuery(jpql.append(" GROUP BY e.lotId").toString(), Object[].class).setParameter("t", after);
        if (productSku != null) {
            query.setParameter("sku", productSku);
        }
        if (locationCode != null) {
            query.setParameter("location", locationCode);
        }

        Map<Long, BigDecimal[]> sums = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            sums.put(((Number) row[0]).longValue(), new BigDecimal[] {Decimals.of(row[1]), Decimals.of(row[2])});
        }
        return sums;
    }

    private static final class Accumulator {
        final String label;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO.setScale(2);
        int lots;

        Accumulator(String label) {
            this.label = label;
        }

        void add(BigDecimal q, BigDecimal v) {
            quantity = quantity.add(q);
            value = value.add(v);
            lots++;
        }
    }
}
