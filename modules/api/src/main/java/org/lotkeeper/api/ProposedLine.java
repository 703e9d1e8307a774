package org.lotkeeper.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A signed line that a type proposes. The core validates it and, when the whole proposal is
 * valid, posts it as one ledger entry.
 *
 * @param requestLine index of the request line this line comes from, also when the type chose its
 *                    lot automatically, or -1 for lines that no request line asks for (such as
 *                    an assembly's output)
 * @param target      the lot to post to
 * @param quantity    signed quantity, never zero
 * @param cost        where a positive line's value comes from; negative lines use
 *                    {@link CostSource.LotCost}
 * @param reasonCode  reason code, or {@code null}
 * @param note        free text stored with the line, or {@code null}
 * @param attributes  further values stored with the line, such as a recipient or order reference
 * @since 1
 */
public record ProposedLine(int requestLine, LotTarget target, BigDecimal quantity, CostSource cost,
                           String reasonCode, String note, Map<String, String> attributes) {

    public ProposedLine {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(cost, "cost");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Creates a line that removes stock from an existing lot at the lot's unit cost. */
    public static ProposedLine removal(int requestLine, long lotId, BigDecimal quantity) {
        return new ProposedLine(requestLine, LotTarget.existing(lotId), quantity.abs().negate(),
                CostSource.lotCost(), null, null, Map.of());
    }

    /** Creates a line that adds stock to a lot with the given cost source. */
    public static ProposedLine addition(int requestLine, LotTarget target, BigDecimal quantity, CostSource cost) {
        return new ProposedLine(requestLine, target, quantity.abs(), cost, null, null, Map.of());
    }

    /** Returns a copy with the given reason code. */
    public ProposedLine withReason(String code) {
        return new ProposedLine(requestLine, target, quantity, cost, code, note, attributes);
    }

    /** Returns a copy with the given note. */
    public ProposedLine withNote(String text) {
        return new ProposedLine(requestLine, target, quantity, cost, reasonCode, text, attributes);
    }

    /** Returns a copy with the given attributes. */
    public ProposedLine withAttributes(Map<String, String> values) {
        return new ProposedLine(requestLine, target, quantity, cost, reasonCode, note, values);
    }

    /** Returns the sign of this line. */
    public LineSign sign() {
        return LineSign.of(quantity);
    }
}
