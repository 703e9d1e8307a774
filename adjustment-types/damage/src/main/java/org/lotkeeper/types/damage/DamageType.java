package org.lotkeeper.types.damage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Damage write-off: removes damaged stock from existing lots, each line with a reason code and an
 * optional note. The quantity entered is the amount written off, as a positive number; the posted
 * line is negative. Expired stock is written off with the expiry type instead.
 */
@ApplicationScoped
public class DamageType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "damage";

    /** Reason codes offered until an admin configures others. */
    public static final List<String> DEFAULT_REASONS = List.of("BROKEN", "SPOILED", "CONTAMINATED", "WATER", "OTHER");

    static final String REASON = "reason";
    static final String NOTE = "note";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Damage write-off")
            .description("Writes off damaged stock from existing lots, with a reason code per line.")
            .version("1.0.0")
            .lineSigns(LineSign.NEGATIVE)
            .field(FieldDescriptor.lineField(REASON, "Reason", FieldKind.REASON_CODE, "Why the stock is written off.")
                    .withChoices(DEFAULT_REASONS))
            .field(FieldDescriptor.lineField(NOTE, "Note", FieldKind.TEXT, "What happened, in a few words.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        List<String> reasons = request.settings().reasonCodes().isEmpty()
                ? DEFAULT_REASONS : request.settings().reasonCodes();
        Problems problems = new Problems();
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A write-off needs at least one line.");
        }

        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            checkLine(line, request, stock, reasons, problems);
            if (problems.isEmpty()) {
                proposal.add(toProposedLine(line));
            }
        }

        problems.throwIfAny();
        return proposal;
    }

    private static void checkLine(RequestLine line, AdjustmentRequest request, StockView stock, List<String> reasons,
                                  Problems problems) {
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            problems.add(line.path("quantity"), null, "The quantity to write off is missing.");
        } else if (quantity.signum() <= 0) {
            problems.add(line.path("quantity"), quantity.toPlainString(),
                    "Enter the quantity to write off as a positive number.");
        }

        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A write-off names an existing lot by its id.");
        } else {
            LotInfo lot = stock.lot(line.lotId()).orElse(null);
            if (lot == null) {
                problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            } else if (lot.isExpiredOn(request.effectiveDate())) {
                problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " expired on " + lot.expiry()
                        + "; write expired stock off with the expiry type.");
            }
        }

        String reason = line.field(REASON).orElse(null);
        if (reason == null) {
            problems.add(line.path("fields." + REASON), null, "A reason code is required; allowed: " + reasons + ".");
        } else if (!reasons.contains(reason)) {
            problems.add(line.path("fields." + REASON), reason, "Unknown reason code; allowed: " + reasons + ".");
        }
    }

    private static ProposedLine toProposedLine(RequestLine line) {
        Map<String, String> attributes = new HashMap<>(line.fields());
        attributes.remove(REASON);
        attributes.remove(NOTE);
        return ProposedLine.removal(line.index(), line.lotId(), line.quantity())
                .withReason(line.field(REASON).orElseThrow())
                .withNote(line.field(NOTE).orElse(null))
                .withAttributes(attributes);
    }
}
