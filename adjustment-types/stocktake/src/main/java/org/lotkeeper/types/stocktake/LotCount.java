package org.lotkeeper.types.stocktake;

import java.math.BigDecimal;

import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.RequestLine;

/**
 * The count of one lot, added up over all count lines of that lot.
 *
 * <p>The snapshot and the unit cost may each be given on any line of the lot, but lines that give
 * them must agree.
 */
final class LotCount {

    private final LotInfo lot;
    private final RequestLine firstLine;
    private BigDecimal counted = BigDecimal.ZERO;
    private BigDecimal snapshot;
    private BigDecimal unitCost;

    LotCount(LotInfo lot, RequestLine firstLine) {
        this.lot = lot;
        this.firstLine = firstLine;
    }

    LotInfo lot() {
        return lot;
    }

    /** Returns the first line that counts this lot, which the proposed line refers to. */
    RequestLine firstLine() {
        return firstLine;
    }

    BigDecimal counted() {
        return counted;
    }

    /** Returns the frozen system quantity when a line gave one, else the lot's quantity in the view. */
    BigDecimal snapshot() {
        return snapshot != null ? snapshot : lot.quantity();
    }

    /** Returns the unit cost a line gave for stock the count adds, or {@code null}. */
    BigDecimal unitCost() {
        return unitCost;
    }

    /** Returns counted minus snapshot: positive when the count found more stock than the system. */
    BigDecimal variance() {
        return counted.subtract(snapshot());
    }

    void addCounted(BigDecimal quantity) {
        counted = counted.add(quantity);
    }

    /** Records a line's snapshot, and returns {@code false} when another line gave a different one. */
    boolean agreeOnSnapshot(BigDecimal value) {
        if (snapshot == null) {
            snapshot = value;
            return true;
        }
        return snapshot.compareTo(value) == 0;
    }

    /** Records a line's unit cost, and returns {@code false} when another line gave a different one. */
    boolean agreeOnUnitCost(BigDecimal value) {
        if (unitCost == null) {
            unitCost = value;
            return true;
        }
        return unitCost.compareTo(value) == 0;
    }
}
