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
public record PlannedLine(int lineNo, Lot lot, BigDecimal quantity, CostSource cost, BigDecimal fixedValue,
                          String reasonCode, String note, Map<String, String> attributes, Long reversesEntryId,
                          boolean createsLot) {

    public boolean isNegative() {
        return quantity.signum() < 0;
    }
}
