package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.lotkeeper.core.lots.Lot;

/**
 * The running balance of one lot while a document's lines are valued, so that several lines on
 * one lot see each other's effect.
 */
final class LotBalance {

    /** Scale of stored unit costs. */
    static final int COST_SCALE = 4;
    /** Scale of money: cents. */
    static final int MONEY_SCALE = 2;

    final Lot lot;
    BigDecimal quantity;
    BigDecimal value;
    BigDecimal unitCost;

    LotBalance(Lot lot) {
        this.lot = lot;
        this.quantity = lot.getQuantity();
        this.value = lot.getValue();
        this.unitCost = lot.getUnitCost();
    }

    /**
     * Returns the value that removing {@code amount} (positive) takes out: the unit cost times the
     * amount in cents, or exactly the remaining value when the removal empties the lot.
     */
    BigDecimal removalValue(BigDecimal amount) {
        if (quantity.compareTo(amount) <= 0 || unitCost == null) {
            return quantity.compareTo(amount) <= 0 ? value : BigDecimal.ZERO.setScale(MONEY_SCALE);
        }
        BigDecimal removed = amount.multiply(unitCost).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        return removed.min(value);
    }

    /** Applies a signed line to the running balance and returns the unit cost after it. */
    BigDecimal apply(BigDecimal quantityDelta, BigDecimal valueDelta, BigDecimal explicitCost) {
        return apply(quantityDelta, valueDelta, explicitCost, false);
    }

    /**
     * Applies a signed line and returns the unit cost after it; an addition of unknown cost
     * leaves the lot without a recorded cost.
     */
    BigDecimal apply(BigDecimal quantityDelta, BigDecimal valueDelta, BigDecimal explicitCost, boolean costUnknown) {
        BigDecimal before = quantity;
        quantity = quantity.add(quantityDelta);
        value = value.add(valueDelta);
        if (quantityDelta.signum() > 0 && costUnknown) {
            unitCost = null;
        } else if (quantityDelta.signum() > 0) {
            unitCost = costAfterAddition(before, quantityDelta, valueDelta, explicitCost);
        }
        return unitCost;
    }

    private BigDecimal costAfterAddition(BigDecimal before, BigDecimal added, BigDecimal addedValue, BigDecimal explicit) {
        if (before.signum() == 0 || unitCost == null) {
            return explicit != null ? explicit : addedValue.divide(added, COST_SCALE, RoundingMode.HALF_UP);
        }
        if (explicit != null && explicit.compareTo(unitCost) == 0) {
            return unitCost;
        }
        // Different costs mix into a moving average over the whole lot.
        return value.divide(quantity, COST_SCALE, RoundingMode.HALF_UP);
    }
}
