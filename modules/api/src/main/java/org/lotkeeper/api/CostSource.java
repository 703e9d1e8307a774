package org.lotkeeper.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Where the value of a positive line comes from. Negative lines always leave at their lot's unit
 * cost, so they use {@link LotCost}. The core records the source with each ledger entry.
 *
 * @since 1
 */
public sealed interface CostSource {

    /** A unit cost given by the user; the line's value is quantity times this cost, in cents. */
    record Explicit(BigDecimal unitCost) implements CostSource {
        public Explicit {
            Objects.requireNonNull(unitCost, "unitCost");
            if (unitCost.signum() < 0) {
                throw new IllegalArgumentException("A unit cost must not be negative: " + unitCost);
            }
        }
    }

    /**
     * The unit cost the lot already carries. A positive line on a lot without a recorded cost is
     * rejected: stock never enters at a silent zero.
     */
    record LotCost() implements CostSource {
    }

    /**
     * The value removed by other lines of the same proposal, plus an extra cost: a transfer's
     * destination receives what its source gave up, and an assembly's output receives what its
     * components gave up plus labour.
     *
     * @param lineIndices positions, in the proposal, of the negative lines whose value moves here
     * @param extraCost   value added on top, never negative; {@code null} means zero
     */
    record ConsumedValue(List<Integer> lineIndices, BigDecimal extraCost) implements CostSource {
        public ConsumedValue {
            lineIndices = List.copyOf(lineIndices);
            extraCost = extraCost == null ? BigDecimal.ZERO : extraCost;
            if (lineIndices.isEmpty()) {
                throw new IllegalArgumentException("A consumed value needs at least one source line");
            }
            if (lineIndices.stream().anyMatch(index -> index < 0)) {
                throw new IllegalArgumentException("Source line indices must not be negative: " + lineIndices);
            }
            if (extraCost.signum() < 0) {
                throw new IllegalArgumentException("An extra cost must not be negative: " + extraCost.toPlainString());
            }
        }
    }

    /**
     * No cost is known for this stock, stated explicitly: the line adds stock at value 0 and the
     * lot keeps no recorded cost, so every later addition to it must give a cost. Only a lot
     * without a recorded cost, or an empty one, accepts such a line. Meant for stock whose cost
     * was never recorded, such as counts of forgotten stock.
     */
    record Unknown() implements CostSource {
    }

    static CostSource explicit(BigDecimal unitCost) {
        return new Explicit(unitCost);
    }

    static CostSource unknown() {
        return new Unknown();
    }

    static CostSource lotCost() {
        return new LotCost();
    }

    static CostSource consumed(List<Integer> lineIndices, BigDecimal extraCost) {
        return new ConsumedValue(lineIndices, extraCost);
    }
}
