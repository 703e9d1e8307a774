package org.lotkeeper.types.pickingcorrection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Picking correction: corrects the stock of lots after a picking error on an order.
 *
 * <p>Each line names a lot and a signed quantity. A positive quantity returns stock that was
 * picked by mistake, at the lot's unit cost, and a negative quantity takes stock that was picked
 * but not booked. A lot without a recorded cost only takes returned stock when the line gives a
 * unit cost. Every line records the order reference. Expired lots may receive stock, but a
 * negative line on an expired lot is rejected, because only write-offs of expired stock, moves
 * and counts take stock out of them.
 */
@ApplicationScoped
public class PickingCorrectionType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "picking-correction";

    static final String ORDER_REFERENCE = "orderReference";
    static final String NOTE = "note";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Picking correction")
            .description("Corrects lots after a picking error on an order: returns stock or takes more.")
            .version("1.0.0")
            .lineSigns(LineSign.POSITIVE, LineSign.NEGATIVE)
            .field(FieldDescriptor.documentField(ORDER_REFERENCE, "Order reference", FieldKind.TEXT,
                    "Number of the order that was picked wrongly."))
            .field(FieldDescriptor.lineField(NOTE, "Note", FieldKind.TEXT, "What went wrong, in a few words.")
                    .optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        String orderReference = request.field(ORDER_REFERENCE).orElse(null);
        if (orderReference == null) {
            problems.add("fields." + ORDER_REFERENCE, null, "The order reference is missing.");
        }
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A picking correction needs at least one line.");
        }

        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            LotInfo lot = checkLine(line, request, stock, problems);
            if (lot != null && orderReference != null) {
                proposal.add(toProposedLine(line, lot)
                        .withNote(line.field(NOTE).orElse(null))
                        .withAttributes(Map.of(ORDER_REFERENCE, orderReference)));
            }
        }

        problems.throwIfAny();
        return proposal;
    }

    /** Returns the line's lot when the line is valid, else adds problems and returns {@code null}. */
    private static LotInfo checkLine(RequestLine line, AdjustmentRequest request, StockView stock,
                                     Problems problems) {
        BigDecimal quantity = line.quantity();
        boolean validQuantity = quantity != null && quantity.signum() != 0;
        if (!validQuantity) {
            problems.add(line.path("quantity"), quantity, "Enter the correction as a non-zero quantity: positive"
                    + " to return stock to the lot, negative to take more.");
        }
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A picking correction names an existing lot by its id.");
            return null;
        }
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            return null;
        }
        if (!validQuantity) {
            return null;
        }
        boolean valid = quantity.signum() > 0
                ? checkReturn(line, lot, problems)
                : checkRemoval(line, lot, request, problems);
        return valid ? lot : null;
    }

    private static boolean checkReturn(RequestLine line, LotInfo lot, Problems problems) {
        if (lot.unitCost() != null && line.unitCost() != null) {
            problems.add(line.path("unitCost"), line.unitCost(), "Stock returns to lot " + lot.code()
                    + " at its unit cost " + lot.unitCost().toPlainString() + "; leave the unit cost empty.");
            return false;
        }
        if (lot.unitCost() == null && line.unitCost() == null) {
            problems.add(line.path("unitCost"), null, "Lot " + lot.code()
                    + " has no recorded cost; give a unit cost for the returned stock.");
            return false;
        }
        if (line.unitCost() != null && line.unitCost().signum() < 0) {
            problems.add(line.path("unitCost"), line.unitCost(), "A unit cost must not be negative.");
            return false;
        }
        return true;
    }

    private static boolean checkRemoval(RequestLine line, LotInfo lot, AdjustmentRequest request,
                                        Problems problems) {
        if (line.unitCost() != null) {
            problems.add(line.path("unitCost"), line.unitCost(), "Stock taken from lot " + lot.code()
                    + " leaves at the lot's unit cost; leave the unit cost empty.");
            return false;
        }
        if (lot.isExpiredOn(request.effectiveDate())) {
            problems.add(line.path("lotId"), lot.id(), "Lot " + lot.code() + " expired on " + lot.expiry()
                    + "; expired stock cannot be picked.");
            return false;
        }
        return true;
    }

    private static ProposedLine toProposedLine(RequestLine line, LotInfo lot) {
        if (line.quantity().signum() < 0) {
            return ProposedLine.removal(line.index(), lot.id(), line.quantity());
        }
        CostSource cost = line.unitCost() != null ? CostSource.explicit(line.unitCost()) : CostSource.lotCost();
        return ProposedLine.addition(line.index(), LotTarget.existing(lot.id()), line.quantity(), cost);
    }
}
