package org.lotkeeper.core.posting;

import java.math.BigDecimal;
import java.util.Map;

import org.lotkeeper.api.CostSource;
import org.lotkeeper.core.lots.Lot;

/**
 * A line ready for the engine: its lot resolved (existing or just created) and how its value is
 * found. Reversal lines carry the exact value to negate instead of a cost source.
 *
 * @param lineNo          position in the document, starting at 0
 * @param requestLine     index of the request line this line comes from, or -1 when no request line
 *                        asks for it (an assembly's output, a reversal)
 * @param enteredQuantity the quantity of that request line exactly as the user entered it, or
 *                        {@code null} when there is no request line or it has no quantity
 * @param lot             the lot, managed by the current persistence context
 * @param quantity        signed quantity
 * @param cost            cost source of a positive line; {@link CostSource.LotCost} for negative lines
 * @param fixedValue      exact signed value for reversal lines, otherwise {@code null}
 * @param reasonCode      reason code or {@code null}
 * @param note            note or {@code null}
 * @param attributes      further values stored with the entry
 * @param reversesEntryId the entry this line reverses, or {@code null}
 * @param createsLot      whether the lot was created by this line
 */
public record PlannedLine(int lineNo, int requestLine, BigDecimal enteredQuantity, Lot lot, BigDecimal quantity,
                          CostSource cost, BigDecimal fixedValue, String reasonCode, String note,
                          Map<String, String> attributes, Long reversesEntryId, boolean createsLot) {

    public boolean isNegative() {
        return quantity.signum() < 0;
    }

    /**
     * Returns the field path that problems of this line name: its request line, such as
     * {@code lines[2]}, or its own position when no request line asks for it.
     */
    public String path() {
        return "lines[" + (requestLine >= 0 ? requestLine : lineNo) + "]";
    }

    /**
     * Returns the quantity to quote back to the user: the entered quantity when there is one,
     * otherwise the size of the signed quantity, because the sign is the type's direction and
     * not something the user typed.
     */
    public BigDecimal quotedQuantity() {
        return enteredQuantity != null ? enteredQuantity : quantity.abs();
    }
}
