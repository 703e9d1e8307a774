package org.lotkeeper.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.Decimals;

/**
 * Value written off per reason code and business month, for the dashboard. A write-off is a
 * ledger entry with a reason code, such as a damage or an expiry line. Its reversal carries the
 * same reason code with the opposite sign, so a reversed write-off nets to zero in its month.
 */
@ApplicationScoped
public class WriteOffQueries {

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    BusinessCalendar calendar;

    /**
     * Value written off in one business month for one reason.
     *
     * @param month  the business month of the entries' effective time
     * @param reason the reason code
     * @param value  value removed, positive for a write-off
     */
    public record MonthlyWriteOff(YearMonth month, String reason, BigDecimal value) {
    }

    /**
     * Returns the write-offs of the months from {@code first} to the current month, by month and
     * then by reason. Months without write-offs are absent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MonthlyWriteOff> byMonthAndReason(YearMonth first) {
        caller.require(Role.VIEWER, "stock.read", null);
        Instant from = first.atDay(1).atStartOfDay(calendar.zone()).toInstant();
        // Entries are summed per effective time by the database, and the months are formed here
        // in the business time zone, which JPQL cannot express portably. "reasonCode > ''" is a
        // range on the reason index, which skips the entries without a reason code.
        List<Object[]> rows = em.createQuery("SELECT e.effectiveAt, e.reasonCode, SUM(e.value) FROM LedgerEntry e"
                        + " WHERE e.reasonCode > '' AND e.effectiveAt >= :from"
                        + " GROUP BY e.effectiveAt, e.reasonCode", Object[].class)
                .setParameter("from", from).getResultList();
        Map<YearMonth, Map<String, BigDecimal>> sums = new TreeMap<>();
        for (Object[] row : rows) {
            YearMonth month = YearMonth.from(calendar.dateOf((Instant) row[0]));
            sums.computeIfAbsent(month, m -> new TreeMap<>())
                    .merge((String) row[1], Decimals.of(row[2]).negate(), BigDecimal::add);
        }
        return sums.entrySet().stream()
                .flatMap(month -> month.getValue().entrySet().stream()
                        .map(reason -> new MonthlyWriteOff(month.getKey(), reason.getKey(), reason.getValue())))
                .toList();
    }

    /** Returns the first month of a chart of {@code months} months that ends with the current month. */
    public YearMonth firstOfLast(int months) {
        LocalDate today = calendar.today();
        return YearMonth.from(today).minusMonths(months - 1L);
    }
}
