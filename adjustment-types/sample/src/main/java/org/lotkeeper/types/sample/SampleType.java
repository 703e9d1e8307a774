package org.lotkeeper.types.sample;

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
import org.lotkeeper.api.FirstExpiryFirstOut;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Sample: removes stock given away as samples, recording the recipient on every line.
 *
 * <p>A line either names a lot and the quantity to give from it, or names a product and a
 * quantity and lets the type choose lots first-expiry-first-out, as {@link FirstExpiryFirstOut}
 * describes. Quantities are entered as positive numbers and proposed as negative lines. Lots
 * named on lines are reserved before lots are chosen automatically, so an automatic choice never
 * takes stock that another line of the same request already takes. Expired lots are never used.
 */
@ApplicationScoped
public class SampleType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "sample";

    static final String RECIPIENT = "recipient";
    static final String PRODUCT = "product";
    static final String NOTE = "note";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Sample")
            .description("Removes stock given away as samples, from chosen lots or first-expiry-first-out.")
            .version("1.0.0")
            .choosesLots(true)
            .lineSigns(LineSign.NEGATIVE)
            .field(FieldDescriptor.documentField(RECIPIENT, "Recipient", FieldKind.TEXT,
                    "Who receives the samples."))
            .field(FieldDescriptor.lineField(PRODUCT, "Product", FieldKind.PRODUCT,
                    "Product to take first-expiry-first-out; leave empty when the line names a lot.").optional())
            .field(FieldDescriptor.lineField(NOTE, "Note", FieldKind.TEXT, "Anything worth recording.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        String recipient = request.field(RECIPIENT).orElse(null);
        if (recipient == null) {
            problems.add("fields." + RECIPIENT, null, "The recipient is missing.");
        }
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A sample needs at least one line.");
        }
        for (RequestLine line : request.lines()) {
            checkLine(line, request, stock, problems);
        }
        problems.throwIfAny();

        Map<Long, BigDecimal> reserved = reservedByNamedLots(request);
        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            List<ProposedLine> lines = line.lotId() != null
                    ? List.of(ProposedLine.removal(line.index(), line.lotId(), line.quantity()))
                    : chooseLots(line, request, stock, reserved, problems);
            for (ProposedLine proposed : lines) {
                proposal.add(proposed.withNote(line.field(NOTE).orElse(null))
                        .withAttributes(Map.of(RECIPIENT, recipient)));
            }
        }

        problems.throwIfAny();
        return proposal;
    }

    private static void checkLine(RequestLine line, AdjustmentRequest request, StockView stock, Problems problems) {
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            problems.add(line.path("quantity"), null, "The quantity to give away is missing.");
        } else if (quantity.signum() <= 0) {
            problems.add(line.path("quantity"), quantity, "Enter the quantity to give away as a positive number.");
        }

        String sku = line.field(PRODUCT).orElse(null);
        if (line.lotId() != null && sku != null) {
            problems.add(line.path("fields." + PRODUCT), sku,
                    "Name a lot or a product to take first-expiry-first-out, not both.");
        } else if (line.lotId() != null) {
            checkNamedLot(line, request, stock, problems);
        } else if (sku == null) {
            problems.add(line.path("lotId"), null,
                    "Name a lot, or a product to take first-expiry-first-out.");
        } else if (stock.product(sku).isEmpty()) {
            problems.add(line.path("fields." + PRODUCT), sku, "No product has this sku.");
        }
    }

    private static void checkNamedLot(RequestLine line, AdjustmentRequest request, StockView stock,
                                      Problems problems) {
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
        } else if (lot.isExpiredOn(request.effectiveDate())) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " expired on " + lot.expiry()
                    + "; expired stock cannot be given away.");
        }
    }

    private static Map<Long, BigDecimal> reservedByNamedLots(AdjustmentRequest request) {
        Map<Long, BigDecimal> reserved = new HashMap<>();
        for (RequestLine line : request.lines()) {
            if (line.lotId() != null) {
                reserved.merge(line.lotId(), line.quantity(), BigDecimal::add);
            }
        }
        return reserved;
    }

    /**
     * Chooses lots for a product line from the stock that earlier choices and named lots leave
     * free, and records what it takes in {@code reserved}.
     */
    private static List<ProposedLine> chooseLots(RequestLine line, AdjustmentRequest request, StockView stock,
                                                 Map<Long, BigDecimal> reserved, Problems problems) {
        String sku = line.field(PRODUCT).orElseThrow();
        List<LotInfo> free = stock.lotsOf(sku).stream().map(lot -> withQuantity(lot,
                lot.quantity().subtract(reserved.getOrDefault(lot.id(), BigDecimal.ZERO)))).toList();
        FirstExpiryFirstOut.Allocation allocation =
                FirstExpiryFirstOut.allocate(free, line.quantity(), request.effectiveDate());
        if (allocation.isShort()) {
            problems.add(line.path("quantity"), line.quantity(), "Not enough usable stock of " + sku + ": requested "
                    + line.quantity().toPlainString() + ", available " + allocation.available().toPlainString()
                    + " (not expired).");
            return List.of();
        }

        List<ProposedLine> lines = new ArrayList<>();
        for (FirstExpiryFirstOut.Pick pick : allocation.picks()) {
            reserved.merge(pick.lot().id(), pick.quantity(), BigDecimal::add);
            lines.add(ProposedLine.removal(line.index(), pick.lot().id(), pick.quantity()));
        }
        return lines;
    }

    private static LotInfo withQuantity(LotInfo lot, BigDecimal quantity) {
        return new LotInfo(lot.id(), lot.productSku(), lot.code(), lot.locationCode(), lot.expiry(), quantity,
                lot.value(), lot.unitCost(), lot.condition());
    }
}
