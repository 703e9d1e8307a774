package org.lotkeeper.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.ProposedLine;

/**
 * Computes the signed value of each proposed line the way the core values a posting, so that
 * tests can assert money as well as quantities.
 *
 * <p>Lines are valued in proposal order. A negative line leaves at its lot's unit cost, rounded
 * half up to cents, except that a line which empties its lot takes exactly the lot's remaining
 * value. A positive line is valued by its {@link CostSource}: an explicit unit cost or the lot's
 * unit cost times the quantity in cents, or the value that the referenced lines removed plus the
 * extra cost. Once a positive line has changed a lot, its unit cost is value divided by quantity.
 *
 * <p>A {@link CostSource.ConsumedValue} may only reference lines that come before it, because the
 * values are computed in one pass.
 */
public final class ProposalValues {

    private static final int CENTS = 2;
    private static final int UNIT_COST_SCALE = 4;

    private ProposalValues() {
    }

    /**
     * Returns the signed value of every line, in proposal order.
     *
     * @throws IllegalArgumentException when a line cannot be valued: it names an unknown lot,
     *                                  adds stock at the cost of a lot without one, or references
     *                                  a line that does not come before it
     */
    public static List<BigDecimal> of(List<ProposedLine> lines, InMemoryStock stock) {
        Map<String, Balance> balances = new HashMap<>();
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ProposedLine line = lines.get(i);
            Balance balance = balances.computeIfAbsent(lotKey(line, stock), key -> Balance.of(line, stock));
            BigDecimal value = line.quantity().signum() < 0
                    ? removalValue(line, balance)
                    : additionValue(i, line, balance, values);
            balance.add(line.quantity(), value);
            values.add(value);
        }
        return values;
    }

    /** Returns the sum of the values of all lines: the proposal's effect on the stock value. */
    public static BigDecimal total(List<ProposedLine> lines, InMemoryStock stock) {
        return of(lines, stock).stream().reduce(BigDecimal.ZERO.setScale(CENTS), BigDecimal::add);
    }

    /**
     * Returns a key that is the same for every line posting to the same lot: {@code lot 5} for an
     * existing lot, also when a line creates a lot that already exists, and
     * {@code new lot SKU/CODE at LOC} for a lot the posting creates.
     */
    static String lotKey(ProposedLine line, InMemoryStock stock) {
        return switch (line.target()) {
            case LotTarget.Existing existing -> "lot " + existing.lotId();
            case LotTarget.Create create -> stock
                    .lot(create.lot().productSku(), create.lot().code(), create.lot().locationCode())
                    .map(lot -> "lot " + lot.id())
                    .orElse("new lot " + create.lot().productSku() + "/" + create.lot().code() + " at "
                            + create.lot().locationCode());
        };
    }

    private static BigDecimal removalValue(ProposedLine line, Balance balance) {
        if (balance.quantity.add(line.quantity()).signum() == 0) {
            return balance.value.negate();
        }
        return line.quantity().multiply(balance.unitCost()).setScale(CENTS, RoundingMode.HALF_UP);
    }

    private static BigDecimal additionValue(int index, ProposedLine line, Balance balance, List<BigDecimal> values) {
        return switch (line.cost()) {
            case CostSource.Explicit explicit ->
                    line.quantity().multiply(explicit.unitCost()).setScale(CENTS, RoundingMode.HALF_UP);
            case CostSource.LotCost ignored -> {
                if (!balance.hasCost()) {
                    throw new IllegalArgumentException("Line " + index + " adds stock at the cost of "
                            + balance.name + ", which has no recorded cost");
                }
                yield line.quantity().multiply(balance.unitCost()).setScale(CENTS, RoundingMode.HALF_UP);
            }
            case CostSource.Unknown ignored -> BigDecimal.ZERO.setScale(CENTS);
            case CostSource.ConsumedValue consumed -> {
                BigDecimal value = consumed.extraCost();
                for (int source : consumed.lineIndices()) {
                    if (source < 0 || source >= index) {
                        throw new IllegalArgumentException("Line " + index + " takes the value of line " + source
                                + ", but only earlier lines can be referenced");
                    }
                    value = value.subtract(values.get(source));
                }
                yield value.setScale(Math.max(CENTS, value.scale()), RoundingMode.UNNECESSARY);
            }
        };
    }

    /** Running quantity and value of one lot while the proposal is walked through. */
    private static final class Balance {

        private final String name;
        private BigDecimal quantity;
        private BigDecimal value;
        private final BigDecimal recordedUnitCost;
        private boolean changed;

        private Balance(String name, BigDecimal quantity, BigDecimal value, BigDecimal recordedUnitCost) {
            this.name = name;
            this.quantity = quantity;
            this.value = value;
            this.recordedUnitCost = recordedUnitCost;
        }

        static Balance of(ProposedLine line, InMemoryStock stock) {
            String key = lotKey(line, stock);
            LotInfo lot = switch (line.target()) {
                case LotTarget.Existing existing -> stock.lot(existing.lotId()).orElseThrow(
                        () -> new IllegalArgumentException("No lot has id " + existing.lotId()));
                case LotTarget.Create create -> stock
                        .lot(create.lot().productSku(), create.lot().code(), create.lot().locationCode())
                        .orElse(null);
            };
            if (lot == null) {
                return new Balance(key, BigDecimal.ZERO, BigDecimal.ZERO.setScale(CENTS), null);
            }
            return new Balance(key, lot.quantity(), lot.value(), lot.unitCost());
        }

        boolean hasCost() {
            return changed ? quantity.signum() > 0 : recordedUnitCost != null;
        }

        BigDecimal unitCost() {
            if (!changed) {
                return recordedUnitCost == null ? BigDecimal.ZERO : recordedUnitCost;
            }
            return quantity.signum() == 0 ? BigDecimal.ZERO
                    : value.divide(quantity, UNIT_COST_SCALE, RoundingMode.HALF_UP);
        }

        void add(BigDecimal lineQuantity, BigDecimal lineValue) {
            quantity = quantity.add(lineQuantity);
            value = value.add(lineValue);
            if (lineQuantity.signum() > 0) {
                changed = true;
            }
        }
    }
}
