package org.lotkeeper.web.it;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory model of the ledger rules for the lots of one {@link ModelIT} sequence: quantity,
 * value and unit cost per lot, the running balance over effective time, and the stocktakes that
 * settled a lot. It predicts whether a document posts and the value of each line, without
 * changing anything until {@link #apply} is called.
 *
 * <p>Effective times are keys: a past date takes effect at the end of that day, and a document
 * dated today at the next tick of a counter, after everything posted before it.
 */
final class StockModel {

    private static final long TICKS_PER_DAY = 1_000_000_000L;
    private static final int MONEY_SCALE = 2;
    private static final int COST_SCALE = 4;

    /** How a positive line is valued, or a negative line with a fixed value. */
    sealed interface Cost {
    }

    /** A unit cost given on the line. */
    record Explicit(BigDecimal unitCost) implements Cost {
    }

    /** The lot's own unit cost. */
    record LotCost() implements Cost {
    }

    /** Exactly this signed value, as a reversal line carries. */
    record Fixed(BigDecimal value) implements Cost {
    }

    /** The value that the line at {@code index} of the same document removed, as a transfer moves. */
    record Consumed(int index) implements Cost {
    }

    /** A ledger entry on one lot: when it takes effect, when it was posted, and its quantity. */
    record Entry(long key, long sequence, BigDecimal quantity) {
    }

    /** One line of a document: a lot, a signed quantity and how it is valued. */
    record Line(Lot lot, BigDecimal quantity, Cost cost) {
    }

    /** The outcome of a document: rejected with a reason, or the new lot states and line values. */
    record Posting(String rejection, Map<Lot, Lot> after, List<BigDecimal> values, long key) {
        boolean accepted() {
            return rejection == null;
        }
    }

    /** A lot's state. Copies are changed while a document is predicted. */
    static final class Lot {
        long id = -1;
        final String sku;
        final String code;
        final String location;
        final int decimals;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO.setScale(MONEY_SCALE);
        BigDecimal unitCost;
        Long lastKey;
        final List<Entry> entries = new ArrayList<>();
        /** Effective keys and document ids of the posted stocktakes that counted this lot. */
        final List<long[]> counts = new ArrayList<>();

        Lot(String sku, String code, String location, int decimals) {
            this.sku = sku;
            this.code = code;
            this.location = location;
            this.decimals = decimals;
        }

        Lot copy() {
            Lot copy = new Lot(sku, code, location, decimals);
            copy.id = id;
            copy.quantity = quantity;
            copy.value = value;
            copy.unitCost = unitCost;
            copy.lastKey = lastKey;
            copy.entries.addAll(entries);
            copy.counts.addAll(counts);
            return copy;
        }

        /** Returns the quantity as of the end of {@code key}: the entries that take effect no later. */
        BigDecimal quantityAt(long key) {
            return entries.stream().filter(entry -> entry.key() <= key).map(Entry::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public String toString() {
            return code + "@" + location + "#" + id;
        }
    }

    final LocalDate today;
    final Map<Long, Lot> lots = new LinkedHashMap<>();
    private long ticks;
    private long sequence;

    StockModel(LocalDate today) {
        this.today = today;
    }

    /** Returns the effective key of a document dated {@code date}; a date of today takes a new tick. */
    long keyOf(LocalDate date) {
        if (date.isBefore(today)) {
            return date.toEpochDay() * TICKS_PER_DAY + TICKS_PER_DAY - 1;
        }
        return today.toEpochDay() * TICKS_PER_DAY + ++ticks;
    }

    /** Returns the number of entries posted so far, to tell later movements from earlier ones. */
    long sequence() {
        return sequence;
    }

    /**
     * Predicts the posting of {@code lines} at {@code key}. A stocktake of a lot effective after
     * {@code key}, other than document {@code documentId}, rejects the document.
     */
    Posting predict(List<Line> lines, long key, long documentId) {
        Map<Lot, Lot> after = new IdentityHashMap<>();
        for (Line line : lines) {
            after.computeIfAbsent(line.lot(), Lot::copy);
        }

        String rejection = checkDecimals(lines);
        if (rejection == null) {
            rejection = checkBalances(lines, key, documentId);
        }
        if (rejection != null) {
            return new Posting(rejection, Map.of(), List.of(), key);
        }

        List<BigDecimal> values = new ArrayList<>();
        rejection = value(lines, values);
        if (rejection != null) {
            return new Posting(rejection, Map.of(), List.of(), key);
        }
        long entrySequence = sequence;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Lot lot = after.get(line.lot());
            BigDecimal explicit = line.cost() instanceof Explicit e ? e.unitCost() : null;
            lot.unitCost = costAfter(lot.quantity, lot.value, lot.unitCost, line.quantity(), values.get(i), explicit);
            lot.quantity = lot.quantity.add(line.quantity());
            lot.value = lot.value.add(values.get(i));
            lot.lastKey = lot.lastKey == null ? key : Math.max(lot.lastKey, key);
            lot.entries.add(new Entry(key, ++entrySequence, line.quantity()));
        }
        return new Posting(null, after, values, key);
    }

    /** Applies an accepted posting; {@code newLotIds} gives the server's ids of lots it created. */
    void apply(Posting posting, Map<Lot, Long> newLotIds) {
        posting.after().forEach((before, after) -> {
            if (before.id < 0) {
                after.id = newLotIds.get(before);
                before.id = after.id;
            }
            lots.put(after.id, after);
            sequence += after.entries.size() - before.entries.size();
        });
    }

    /** Records that a posted stocktake counted the lot at {@code key}. */
    void recordCount(long lotId, long key, long documentId) {
        lots.get(lotId).counts.add(new long[] {key, documentId});
    }

    /** Returns the first stocktake of {@code lot} effective after {@code key}, other than {@code documentId}. */
    static String stocktakeAfter(Lot lot, long key, long documentId) {
        for (long[] count : lot.counts) {
            if (count[0] > key && count[1] != documentId) {
                return "lot " + lot + " was counted later by stocktake document " + count[1];
            }
        }
        return null;
    }

    private static String checkDecimals(List<Line> lines) {
        for (Line line : lines) {
            if (line.quantity().stripTrailingZeros().scale() > line.lot().decimals) {
                return "quantity " + line.quantity().toPlainString() + " has too many decimals for " + line.lot();
            }
        }
        return null;
    }

    private static String checkBalances(List<Line> lines, long key, long documentId) {
        Map<Lot, BigDecimal> deltas = new LinkedHashMap<>();
        for (Line line : lines) {
            deltas.merge(line.lot(), line.quantity(), BigDecimal::add);
        }
        for (Map.Entry<Lot, BigDecimal> delta : deltas.entrySet()) {
            Lot lot = delta.getKey();
            String counted = stocktakeAfter(lot, key, documentId);
            if (counted != null) {
                return counted;
            }
            boolean backdated = lot.lastKey != null && key < lot.lastKey;
            if (!backdated && lot.quantity.add(delta.getValue()).signum() < 0) {
                return "not enough stock in " + lot + ": requested " + delta.getValue().negate() + ", available "
                        + lot.quantity;
            }
            if (backdated && delta.getValue().signum() < 0) {
                String shortage = checkRunningBalance(lot, delta.getValue(), key);
                if (shortage != null) {
                    return shortage;
                }
            }
        }
        return null;
    }

    private static String checkRunningBalance(Lot lot, BigDecimal delta, long key) {
        BigDecimal running = lot.quantityAt(key).add(delta);
        if (running.signum() < 0) {
            return "not enough stock in " + lot + " at the document's date";
        }
        List<Entry> later = lot.entries.stream().filter(entry -> entry.key() > key)
                .sorted((a, b) -> a.key() != b.key() ? Long.compare(a.key(), b.key()) : Long.compare(a.sequence(), b.sequence()))
                .toList();
        for (Entry entry : later) {
            running = running.add(entry.quantity());
            if (running.signum() < 0) {
                return "removing " + delta.negate() + " from " + lot + " would leave it at " + running + " later";
            }
        }
        return null;
    }

    /** Values the lines: negative lines first, at the lot's unit cost, then positive lines. */
    private static String value(List<Line> lines, List<BigDecimal> values) {
        Map<Lot, BigDecimal[]> balances = new IdentityHashMap<>();
        for (Line line : lines) {
            balances.computeIfAbsent(line.lot(), lot -> new BigDecimal[] {lot.quantity, lot.value, lot.unitCost});
            values.add(null);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.quantity().signum() < 0) {
                BigDecimal[] balance = balances.get(line.lot());
                BigDecimal amount = line.quantity().negate();
                BigDecimal value = line.cost() instanceof Fixed fixed
                        ? fixedRemoval(balance, amount, fixed.value()) : removalValue(balance, amount).negate();
                balance[0] = balance[0].add(line.quantity());
                balance[1] = balance[1].add(value);
                values.set(i, value);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.quantity().signum() >= 0) {
                BigDecimal[] balance = balances.get(line.lot());
                BigDecimal value = switch (line.cost()) {
                    case Explicit explicit -> money(line.quantity().multiply(explicit.unitCost()));
                    case LotCost ignored -> balance[2] == null ? null : money(line.quantity().multiply(balance[2]));
                    case Fixed fixed -> fixed.value();
                    case Consumed consumed -> values.get(consumed.index()).negate();
                };
                if (value == null) {
                    return "lot " + line.lot() + " has no unit cost";
                }
                BigDecimal explicit = line.cost() instanceof Explicit e ? e.unitCost() : null;
                balance[2] = costAfter(balance[0], balance[1], balance[2], line.quantity(), value, explicit);
                balance[0] = balance[0].add(line.quantity());
                balance[1] = balance[1].add(value);
                values.set(i, value);
            }
        }
        return null;
    }

    /** Returns the value a removal takes: unit cost times amount in cents, or all that is left when it empties the lot. */
    private static BigDecimal removalValue(BigDecimal[] balance, BigDecimal amount) {
        if (balance[0].compareTo(amount) <= 0) {
            return balance[1];
        }
        if (balance[2] == null) {
            return BigDecimal.ZERO.setScale(MONEY_SCALE);
        }
        return money(amount.multiply(balance[2])).min(balance[1]);
    }

    private static BigDecimal fixedRemoval(BigDecimal[] balance, BigDecimal amount, BigDecimal fixedValue) {
        if (balance[0].compareTo(amount) <= 0) {
            return balance[1].negate();
        }
        return fixedValue.max(balance[1].negate());
    }

    /**
     * Returns the unit cost after a line: unchanged for a removal; the line's cost on an empty
     * lot; unchanged when the line gives the lot's own cost; else the moving average.
     */
    private static BigDecimal costAfter(BigDecimal quantity, BigDecimal value, BigDecimal unitCost,
                                        BigDecimal delta, BigDecimal valueDelta, BigDecimal explicit) {
        if (delta.signum() <= 0) {
            return unitCost;
        }
        if (quantity.signum() == 0 || unitCost == null) {
            return explicit != null ? explicit : valueDelta.divide(delta, COST_SCALE, RoundingMode.HALF_UP);
        }
        if (explicit != null && explicit.compareTo(unitCost) == 0) {
            return unitCost;
        }
        return value.add(valueDelta).divide(quantity.add(delta), COST_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }
}
