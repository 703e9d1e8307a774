package org.lotkeeper.types.expiry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Expiry write-off: removes stock from lots that are expired on a given date, with reason code
 * {@value #REASON_CODE}.
 *
 * <p>Lines name lots by id. A line's quantity is the amount written off as a positive number, and a
 * line without a quantity writes off the lot's whole quantity on the effective date. Instead of
 * listing lots, a request without lines may set {@code all} to {@code true} and name a product:
 * every lot of that product with stock that is expired on the as-of date is then written off in
 * full. A lot is expired on a date when the date is after its expiry date, which is its last day
 * of use.
 */
@ApplicationScoped
public class ExpiryType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "expiry";

    /** Reason code of every line this type proposes. */
    public static final String REASON_CODE = "EXPIRED";

    static final String AS_OF = "asOf";
    static final String ALL = "all";
    static final String PRODUCT = "product";
    static final String NOTE = "note";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Expiry write-off")
            .description("Writes off stock of expired lots, either the lots listed or every expired lot of a product.")
            .version("1.0.0")
            .choosesLots(true)
            .lineSigns(LineSign.NEGATIVE)
            .takesFromExpiredLots(true)
            .field(FieldDescriptor.documentField(AS_OF, "Expired on", FieldKind.DATE,
                    "Date on which the lots must be expired; the effective date when empty.").optional())
            .field(FieldDescriptor.documentField(ALL, "All expired lots of the product", FieldKind.BOOLEAN,
                    "Write off every expired lot with stock of the chosen product instead of listing lots.")
                    .optional())
            .field(FieldDescriptor.documentField(PRODUCT, "Product", FieldKind.PRODUCT,
                    "Product whose expired lots are written off when all expired lots are requested.").optional())
            .field(FieldDescriptor.lineField(NOTE, "Note", FieldKind.TEXT, "Anything worth recording.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        LocalDate asOf = asOfDate(request, problems);
        boolean all = allRequested(request, problems);
        problems.throwIfAny();

        List<ProposedLine> proposal;
        if (request.lines().isEmpty()) {
            proposal = allExpiredLots(request, stock, asOf, all, problems);
        } else {
            if (all) {
                problems.add("fields." + ALL, "true",
                        "List the lots to write off or request all expired lots of a product, not both.");
            }
            proposal = listedLots(request, stock, asOf, problems);
        }

        problems.throwIfAny();
        return proposal;
    }

    private static LocalDate asOfDate(AdjustmentRequest request, Problems problems) {
        Optional<String> text = request.field(AS_OF);
        if (text.isEmpty()) {
            return request.effectiveDate();
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(text.get());
        } catch (DateTimeParseException e) {
            problems.add("fields." + AS_OF, text.get(), "Invalid date; use the ISO format, for example 2025-03-31.");
            return request.effectiveDate();
        }
        if (asOf.isAfter(request.effectiveDate())) {
            problems.add("fields." + AS_OF, asOf, "The date is after the effective date " + request.effectiveDate()
                    + ", and stock cannot be written off as expired before it expires.");
        }
        return asOf;
    }

    private static boolean allRequested(AdjustmentRequest request, Problems problems) {
        String text = request.field(ALL).orElse("false");
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            problems.add("fields." + ALL, text, "Invalid value; use true or false.");
        }
        return text.equalsIgnoreCase("true");
    }

    private static List<ProposedLine> listedLots(AdjustmentRequest request, StockView stock, LocalDate asOf,
                                                 Problems problems) {
        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            LotInfo lot = expiredLot(line, stock, asOf, problems);
            BigDecimal quantity = quantity(line, lot, problems);
            if (lot != null && quantity != null) {
                proposal.add(toProposedLine(line.index(), lot.id(), quantity)
                        .withNote(line.field(NOTE).orElse(null))
                        .withAttributes(attributes(line)));
            }
        }
        return proposal;
    }

    /** Returns the line's lot when it exists and is expired on {@code asOf}, else adds a problem. */
    private static LotInfo expiredLot(RequestLine line, StockView stock, LocalDate asOf, Problems problems) {
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "An expiry write-off names an existing lot by its id.");
            return null;
        }
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            return null;
        }
        if (lot.expiry() == null) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code()
                    + " has no expiry date, so it never expires; write it off with the damage type.");
            return null;
        }
        if (!lot.isExpiredOn(asOf)) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " is not expired on " + asOf
                    + " because its last day of use is " + lot.expiry() + ".");
            return null;
        }
        return lot;
    }

    /** Returns the quantity to write off: the one entered, or the lot's whole quantity when blank. */
    private static BigDecimal quantity(RequestLine line, LotInfo lot, Problems problems) {
        BigDecimal quantity = line.quantity();
        if (quantity != null && quantity.signum() <= 0) {
            problems.add(line.path("quantity"), quantity,
                    "Enter the quantity to write off as a positive number, or leave it empty for the whole lot.");
            return null;
        }
        if (quantity != null || lot == null) {
            return quantity;
        }
        if (lot.quantity().signum() <= 0) {
            problems.add(line.path("quantity"), null, "Lot " + lot.code() + " has no stock to write off.");
            return null;
        }
        return lot.quantity();
    }

    private static List<ProposedLine> allExpiredLots(AdjustmentRequest request, StockView stock, LocalDate asOf,
                                                     boolean all, Problems problems) {
        if (!all) {
            problems.add("lines", null, "List the lots to write off, or request all expired lots of a product.");
            return List.of();
        }
        String sku = request.field(PRODUCT).orElse(null);
        if (sku == null) {
            problems.add("fields." + PRODUCT, null, "Choose the product whose expired lots are written off.");
            return List.of();
        }
        if (stock.product(sku).isEmpty()) {
            problems.add("fields." + PRODUCT, sku, "No product has this sku.");
            return List.of();
        }

        List<ProposedLine> proposal = stock.lotsOf(sku).stream()
                .filter(lot -> lot.quantity().signum() > 0 && lot.isExpiredOn(asOf))
                .map(lot -> toProposedLine(-1, lot.id(), lot.quantity()))
                .toList();
        if (proposal.isEmpty()) {
            problems.add("fields." + PRODUCT, sku, "No lot of " + sku + " with stock is expired on " + asOf + ".");
        }
        return proposal;
    }

    private static ProposedLine toProposedLine(int requestLine, long lotId, BigDecimal quantity) {
        return ProposedLine.removal(requestLine, lotId, quantity).withReason(REASON_CODE);
    }

    private static Map<String, String> attributes(RequestLine line) {
        Map<String, String> attributes = new HashMap<>(line.fields());
        attributes.remove(NOTE);
        return attributes;
    }
}
