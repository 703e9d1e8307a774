package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.Expiry;
import org.lotkeeper.api.Problem;
import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.ledger.LedgerEntry;
import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;
import org.lotkeeper.core.support.JsonColumns;

/**
 * Posts planned lines as ledger entries, in the caller's transaction. The steps: lock the lots in
 * ascending id order, check decimals, expiry, serial quantities and every running balance, value
 * each line, then write the entries and the new balances. Any rejection leaves the transaction to
 * roll back, so a document posts completely or not at all.
 */
@ApplicationScoped
public class PostingEngine {

    private static final Logger LOG = Logger.getLogger(PostingEngine.class.getName());

    /** Maximum number of lot ids bound into one {@code IN} list, which keeps statements short for large documents. */
    private static final int LOTS_PER_QUERY = 500;
    /** EclipseLink's hint that a find reads the row again even when the entity is already managed. */
    private static final Map<String, Object> REFRESH = Map.of("eclipselink.refresh", "true");

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BalanceHistory history;

    @Inject
    BusinessCalendar calendar;

    /**
     * Posts the lines of {@code document}.
     *
     * @param typeTakesFromExpiredLots whether the document's type may take stock out of expired lots
     * @param effectiveDate            the business date the lines take effect on
     * @param postedBy                 the user recorded with every entry
     * @return what was written, line by line
     */
    public List<PostedLine> post(AdjustmentDocument document, List<PlannedLine> lines, boolean typeTakesFromExpiredLots,
                                 LocalDate effectiveDate, Instant postedAt, String postedBy) {
        Map<Long, LotBalance> balances = lock(lines);
        if (!effectiveDate.isBefore(calendar.today())) {
            document.setEffectiveAt(currentInstant(balances));
        }

        List<Problem> problems = new ArrayList<>();
        checkLines(lines, balances, typeTakesFromExpiredLots, effectiveDate, problems);
        checkBalances(document, lines, balances, problems);
        rejectIfAny(problems);

        Map<Integer, BigDecimal> values = value(lines, balances, problems);
        rejectIfAny(problems);

        List<PostedLine> posted = write(document, lines, values, postedAt, postedBy);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorCode.CONFLICT, "lines", null,
                    "Another posting changed the same lots at the same moment; nothing was posted. Try again.");
        }
        // FINE, not INFO: the audit trail already records every posting with its user, and a
        // console line per document costs the posting path time and lists every lot it touched.
        LOG.fine(() -> "Posted document id=" + document.getId() + " type='" + document.getTypeId() + "' lines="
                + lines.size() + " lots=" + balances.keySet() + " user='" + postedBy + "'");
        return posted;
    }

    /**
     * Locks existing lots in ascending id order and reads them again under the lock, so that a
     * type's proposal can be compared with (or asked for again under) the balances the posting
     * will be checked against. Unknown ids are skipped, because the type reports them. Each lot
     * costs one locking read; the refresh hint makes it replace what the type's unlocked read left
     * in the persistence context.
     */
    public void lockLots(java.util.Collection<Long> lotIds) {
        List<Long> ascending = List.copyOf(new java.util.TreeSet<>(lotIds));
        readCatalogOf(ascending);
        for (Long id : ascending) {
            em.find(Lot.class, id, LockModeType.PESSIMISTIC_WRITE, REFRESH);
        }
    }

    /**
     * Reads the products and locations of the lots into the persistence context, with three
     * primary-key queries per {@value #LOTS_PER_QUERY} lots. Reading a lot then finds them there,
     * where it would otherwise read each product and location with a query of its own. The first
     * query reads the lot rows without locking them. It is native SQL because JPQL joins the
     * product and location tables for {@code l.product.id}, and Derby executed that join, like a
     * subquery in place of the id list, with a scan of a whole table. The queries do not flush,
     * so that pending changes to the document are written once, by the posting's flush.
     */
    private void readCatalogOf(List<Long> lotIds) {
        if (lotIds.size() < 2) {
            return;
        }
        for (int from = 0; from < lotIds.size(); from += LOTS_PER_QUERY) {
            List<Long> chunk = lotIds.subList(from, Math.min(lotIds.size(), from + LOTS_PER_QUERY));
            java.util.Set<Long> productIds = new java.util.TreeSet<>();
            java.util.Set<Long> locationIds = new java.util.TreeSet<>();
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            for (int i = 1; i <= chunk.size(); i++) {
                placeholders.add("?" + i);
            }
            Query keys = em.createNativeQuery("SELECT product_id, location_id FROM lot WHERE id IN " + placeholders)
                    .setFlushMode(FlushModeType.COMMIT);
            for (int i = 0; i < chunk.size(); i++) {
                keys.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : keys.getResultList()) {
                Object[] columns = (Object[]) row;
                productIds.add(((Number) columns[0]).longValue());
                locationIds.add(((Number) columns[1]).longValue());
            }
            if (!productIds.isEmpty()) {
                em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class)
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter("ids", List.copyOf(productIds)).getResultList();
                em.createQuery("SELECT c FROM Location c WHERE c.id IN :ids", Location.class)
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter("ids", List.copyOf(locationIds)).getResultList();
            }
        }
    }

    /**
     * Locks a lot and re-reads it, unless this transaction already holds its lock: then nobody
     * else can have changed the row, and a second read would only cost a query.
     */
    private void lockOnce(Lot lot) {
        if (em.getLockMode(lot) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(lot, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** Locks every lot of the document in ascending id order and re-reads its balance under the lock. */
    private Map<Long, LotBalance> lock(List<PlannedLine> lines) {
        TreeMap<Long, Lot> byId = new TreeMap<>();
        for (PlannedLine line : lines) {
            byId.put(line.lot().getId(), line.lot());
        }
        Map<Long, LotBalance> balances = new LinkedHashMap<>();
        for (Lot lot : byId.values()) {
            lockOnce(lot);
            balances.put(lot.getId(), new LotBalance(lot));
        }
        return balances;
    }

    /**
     * Returns the instant a document dated today takes effect: now, read after the locks are
     * held, so it sorts after every posting that committed before; never before the lots' latest
     * entries, even when another instance's clock is ahead.
     */
    private Instant currentInstant(Map<Long, LotBalance> balances) {
        Instant now = calendar.now();
        for (LotBalance balance : balances.values()) {
            Instant latest = balance.lot.getLastEffectiveAt();
            if (latest != null && latest.isAfter(now)) {
                now = latest;
            }
        }
        return now;
    }

    /**
     * Adds a problem for every line with more decimals than its product's unit allows, taken out
     * of an expired lot by a type that may not, or leaving a serial lot above 1. The problems
     * quote the quantity the user entered, not the signed ledger quantity.
     */
    static void checkLines(List<PlannedLine> lines, Map<Long, LotBalance> balances, boolean takesFromExpired,
                           LocalDate date, List<Problem> problems) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        for (PlannedLine line : lines) {
            Lot lot = line.lot();
            String path = line.path();
            int decimals = lot.getProduct().getDecimals();
            if (line.quantity().stripTrailingZeros().scale() > decimals) {
                // A computed line (a component of a build, a stocktake difference) can have too
                // many decimals while the entered quantity has none, so quote what is at fault.
                BigDecimal entered = line.enteredQuantity();
                BigDecimal quoted = entered != null && entered.stripTrailingZeros().scale() > decimals
                        ? entered : line.quantity().abs();
                problems.add(new Problem(path + ".quantity", quoted.toPlainString(), "Quantity "
                        + quoted.toPlainString() + " of " + lot.getProduct().getSku() + " has too many decimals: unit "
                        + lot.getProduct().getUnit() + " allows " + decimals + (decimals == 0 ? " (whole units only)." : ".")));
            }
            if (line.isNegative() && !takesFromExpired && Expiry.isExpired(lot.getExpiry(), date)) {
                problems.add(new Problem(path + ".lotId", lot.getId().toString(), "Lot " + lot.getCode() + " of "
                        + lot.getProduct().getSku() + " expired on " + lot.getExpiry()
                        + "; only an expiry write-off, a transfer or a stocktake may take stock out of it."));
            }
            totals.merge(lot.getId(), line.quantity(), BigDecimal::add);
        }
        totals.forEach((lotId, delta) -> {
            Lot lot = balances.get(lotId).lot;
            BigDecimal after = lot.getQuantity().add(delta);
            if (lot.getProduct().isSerialTracked() && after.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new Problem("lines", lot.getCode(), "Serial lot " + lot.getCode() + " of "
                        + lot.getProduct().getSku() + " would hold " + after.stripTrailingZeros().toPlainString()
                        + "; a serial lot holds 0 or 1."));
            }
        });
    }

    private void checkBalances(AdjustmentDocument document, List<PlannedLine> lines, Map<Long, LotBalance> balances,
                               List<Problem> problems) {
        Map<Long, List<PlannedLine>> linesByLot = new LinkedHashMap<>();
        for (PlannedLine line : lines) {
            linesByLot.computeIfAbsent(line.lot().getId(), id -> new ArrayList<>()).add(line);
        }
        // One query per lot, on purpose: Derby compiles the statement while lot_count is still
        // nearly empty, and for an IN list of lot ids it then chose a table scan, which waited
        // for the uncommitted rows of a concurrent stocktake. The equality query uses the index.
        Instant at = document.getEffectiveAt();
        for (Map.Entry<Long, List<PlannedLine>> lotLines : linesByLot.entrySet()) {
            Lot lot = balances.get(lotLines.getKey()).lot;
            history.check(lot, lotLines.getValue(), at, document.getId(), problems);
        }
    }

    private Map<Integer, BigDecimal> value(List<PlannedLine> lines, Map<Long, LotBalance> balances,
                                           List<Problem> problems) {
        Map<Integer, BigDecimal> values = new HashMap<>();
        for (PlannedLine line : lines) {
            if (line.isNegative()) {
                LotBalance balance = balances.get(line.lot().getId());
                BigDecimal amount = line.quantity().negate();
                BigDecimal value = line.fixedValue() != null
                        ? fixedRemoval(balance, amount, line.fixedValue()) : balance.removalValue(amount).negate();
                balance.apply(line.quantity(), value, null);
                values.put(line.lineNo(), value);
            }
        }
        for (PlannedLine line : lines) {
            if (!line.isNegative()) {
                LotBalance balance = balances.get(line.lot().getId());
                BigDecimal explicit = line.cost() instanceof CostSource.Explicit e ? e.unitCost() : null;
                BigDecimal value = additionValue(line, balance, values, problems);
                if (value != null) {
                    balance.apply(line.quantity(), value, explicit, line.cost() instanceof CostSource.Unknown);
                    values.put(line.lineNo(), value);
                }
            }
        }
        return values;
    }

    private static BigDecimal fixedRemoval(LotBalance balance, BigDecimal amount, BigDecimal fixedValue) {
        if (balance.quantity.compareTo(amount) <= 0) {
            return balance.value.negate();
        }
        return fixedValue.max(balance.value.negate());
    }

    private static BigDecimal additionValue(PlannedLine line, LotBalance balance, Map<Integer, BigDecimal> values,
                                            List<Problem> problems) {
        if (line.fixedValue() != null) {
            return line.fixedValue();
        }
        String path = line.path();
        return switch (line.cost()) {
            case CostSource.Explicit explicit ->
                    line.quantity().multiply(explicit.unitCost()).setScale(LotBalance.MONEY_SCALE, RoundingMode.HALF_UP);
            case CostSource.LotCost ignored -> {
                if (balance.unitCost == null) {
                    problems.add(new Problem(path + ".unitCost", null, "Lot " + balance.lot.getCode() + " of "
                            + balance.lot.getProduct().getSku() + " has no recorded cost; give a unit cost for the added "
                            + line.quantity().stripTrailingZeros().toPlainString() + "."));
                    yield null;
                }
                yield line.quantity().multiply(balance.unitCost).setScale(LotBalance.MONEY_SCALE, RoundingMode.HALF_UP);
            }
            case CostSource.Unknown ignored -> {
                if (balance.unitCost != null && balance.quantity.signum() != 0) {
                    problems.add(new Problem(path + ".unitCost", null, "Lot " + balance.lot.getCode() + " of "
                            + balance.lot.getProduct().getSku() + " has a recorded cost of "
                            + balance.unitCost.toPlainString() + "; give the unit cost of the added stock."));
                    yield null;
                }
                yield BigDecimal.ZERO.setScale(LotBalance.MONEY_SCALE);
            }
            case CostSource.ConsumedValue consumed -> {
                BigDecimal total = consumed.extraCost().setScale(LotBalance.MONEY_SCALE, RoundingMode.HALF_UP);
                for (int source : consumed.lineIndices()) {
                    total = total.subtract(values.getOrDefault(source, BigDecimal.ZERO));
                }
                yield total;
            }
        };
    }

    private List<PostedLine> write(AdjustmentDocument document, List<PlannedLine> lines, Map<Integer, BigDecimal> values,
                                   Instant postedAt, String postedBy) {
        List<PostedLine> posted = new ArrayList<>();
        for (PlannedLine line : lines) {
            BigDecimal value = values.get(line.lineNo());
            String source = describe(line);
            LedgerEntry entry = new LedgerEntry(line.lot().getId(), document.getId(), line.lineNo(),
                    document.getTypeId(), line.quantity(), value, document.getEffectiveAt(), postedAt, postedBy)
                    .describe(line.reasonCode(), line.note(), source, JsonColumns.write(line.attributes()),
                            line.reversesEntryId());
            em.persist(entry);

            Lot lot = line.lot();
            BigDecimal explicit = line.cost() instanceof CostSource.Explicit e ? e.unitCost() : null;
            BigDecimal costAfter = new LotBalance(lot).apply(line.quantity(), value, explicit,
                    line.cost() instanceof CostSource.Unknown);
            lot.apply(line.quantity(), value, costAfter, document.getEffectiveAt());
            String origin = line.attributes().get("origin");
            if (line.createsLot() && origin != null) {
                lot.setOrigin(origin);
            }
            posted.add(new PostedLine(line.lineNo(), lot.getId(), line.quantity(), value, lot.getQuantity(),
                    lot.getValue(), source, entry));
        }
        return posted;
    }

    private static String describe(PlannedLine line) {
        if (line.reversesEntryId() != null) {
            return "reversal of entry " + line.reversesEntryId();
        }
        if (line.isNegative()) {
            return "lot cost";
        }
        return switch (line.cost()) {
            case CostSource.Explicit e -> "given unit cost " + e.unitCost().toPlainString();
            case CostSource.LotCost ignored -> "lot cost";
            case CostSource.Unknown ignored -> "unknown cost";
            case CostSource.ConsumedValue c -> "value of lines " + c.lineIndices()
                    + (c.extraCost().signum() == 0 ? "" : " plus extra cost " + c.extraCost().toPlainString());
        };
    }

    private static void rejectIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.RULE_VIOLATION, problems.get(0).message(), problems);
        }
    }
}
