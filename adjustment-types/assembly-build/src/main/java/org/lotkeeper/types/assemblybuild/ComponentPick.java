package org.lotkeeper.types.assemblybuild;

import java.math.BigDecimal;

import org.lotkeeper.api.LotInfo;

/**
 * A quantity of a component lot that a build consumes.
 *
 * @param requestLine index of the request line that chose the lot, or -1 when the type chose it
 * @param lot         the component lot
 * @param quantity    quantity consumed, greater than zero
 */
record ComponentPick(int requestLine, LotInfo lot, BigDecimal quantity) {

    /** Returns a pick of another quantity from the same lot. */
    ComponentPick withQuantity(BigDecimal value) {
        return new ComponentPick(requestLine, lot, value);
    }
}
