package org.lotkeeper.types.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Transfer: moves stock from one lot to another lot of the same product, so quantity and value
 * are conserved.
 *
 * <p>Each request line names the source lot and the quantity to move as a positive number, and
 * either a destination lot ({@code toLotId}) or a destination location ({@code toLocation}). At a
 * location the destination is the lot with the source's product and code there, which the posting
 * creates with the source's expiry date and condition when it does not exist yet. Each request
 * line becomes a negative line on the source followed by a positive line on the destination that
 * receives exactly the value the negative line removed. Expired stock may be moved.
 */
@ApplicationScoped
public class TransferType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "transfer";

    static final String TO_LOT_ID = "toLotId";
    static final String TO_LOCATION = "toLocation";
    static final String NOTE = "note";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Transfer")
            .description("Moves stock to another lot of the same product or to another location, keeping its value.")
            .version("1.0.0")
            .choosesLots(true)
            .lineSigns(LineSign.NEGATIVE, LineSign.POSITIVE)
            .createsLots(true)
            .takesFromExpiredLots(true)
            .field(FieldDescriptor.lineField(TO_LOT_ID, "To lot", FieldKind.LOT,
                    "Existing lot of the same product that receives the stock; leave empty to give a location.")
                    .optional())
            .field(FieldDescriptor.lineField(TO_LOCATION, "To location", FieldKind.LOCATION,
                    "Location that receives the stock into the same batch; leave empty to give a lot.").optional())
            .field(FieldDescriptor.lineField(NOTE, "Note", FieldKind.TEXT, "Why the stock moves.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A transfer needs at least one line.");
        }

        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            checkQuantity(line, problems);
            LotInfo source = sourceLot(line, stock, problems);
            Optional<LotTarget> destination = source == null ? Optional.empty()
                    : destination(line, source, stock, problems);
            if (destination.isPresent() && line.quantity() != null && line.quantity().signum() > 0) {
                addMove(proposal, line, source, destination.get());
            }
        }

        problems.throwIfAny();
        return proposal;
    }

    private static void checkQuantity(RequestLine line, Problems problems) {
        if (line.quantity() == null) {
            problems.add(line.path("quantity"), null, "The quantity to move is missing.");
        } else if (line.quantity().signum() <= 0) {
            problems.add(line.path("quantity"), line.quantity(), "Enter the quantity to move as a positive number.");
        }
    }

    private static LotInfo sourceLot(RequestLine line, StockView stock, Problems problems) {
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A transfer names the source lot by its id.");
            return null;
        }
        LotInfo source = stock.lot(line.lotId()).orElse(null);
        if (source == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
        }
        return source;
    }

    private static Optional<LotTarget> destination(RequestLine line, LotInfo source, StockView stock,
                                                   Problems problems) {
        Optional<String> toLotId = line.field(TO_LOT_ID);
        Optional<String> toLocation = line.field(TO_LOCATION);
        if (toLotId.isPresent() && toLocation.isPresent()) {
            problems.add(line.path("fields." + TO_LOCATION), toLocation.get(),
                    "Give a destination lot or a destination location, not both.");
            return Optional.empty();
        }
        if (toLotId.isPresent()) {
            return destinationLot(line, toLotId.get(), source, stock, problems);
        }
        if (toLocation.isPresent()) {
            return destinationAtLocation(line, toLocation.get(), source, stock, problems);
        }
        problems.add(line.path("fields." + TO_LOCATION), null,
                "The destination is missing; give a destination lot or a destination location.");
        return Optional.empty();
    }

    private static Optional<LotTarget> destinationLot(RequestLine line, String toLotId, LotInfo source,
                                                      StockView stock, Problems problems) {
        String field = line.path("fields." + TO_LOT_ID);
        LotInfo destination;
        try {
            destination = stock.lot(Long.parseLong(toLotId)).orElse(null);
        } catch (NumberFormatException e) {
            problems.add(field, toLotId, "Invalid lot id; give the number of an existing lot.");
            return Optional.empty();
        }
        if (destination == null) {
            problems.add(field, toLotId, "No lot has this id.");
            return Optional.empty();
        }
        if (destination.id() == source.id()) {
            problems.add(field, toLotId, "The destination is the source lot " + source.code()
                    + "; choose another lot or location.");
            return Optional.empty();
        }
        if (!destination.productSku().equals(source.productSku())) {
            problems.add(field, toLotId, "Lot " + destination.code() + " contains " + destination.productSku()
                    + ", but the source lot " + source.code() + " contains " + source.productSku()
                    + "; stock moves only between lots of the same product.");
            return Optional.empty();
        }
        boolean serial = stock.product(source.productSku())
                .map(product -> product.tracking() == ProductInfo.Tracking.SERIAL).orElse(false);
        if (serial && !destination.code().equals(source.code())) {
            problems.add(field, toLotId, "Serial number " + source.code() + " cannot move into serial lot "
                    + destination.code() + "; move it to a location instead.");
            return Optional.empty();
        }
        return Optional.of(LotTarget.existing(destination.id()));
    }

    private static Optional<LotTarget> destinationAtLocation(RequestLine line, String toLocation, LotInfo source,
                                                             StockView stock, Problems problems) {
        String field = line.path("fields." + TO_LOCATION);
        if (!stock.locationExists(toLocation)) {
            problems.add(field, toLocation, "No location has this code.");
            return Optional.empty();
        }
        if (toLocation.equals(source.locationCode())) {
            problems.add(field, toLocation, "Lot " + source.code() + " is already at " + toLocation
                    + "; choose another location.");
            return Optional.empty();
        }
        Optional<LotInfo> existing = stock.lot(source.productSku(), source.code(), toLocation);
        if (existing.isPresent()) {
            return Optional.of(LotTarget.existing(existing.get().id()));
        }
        NewLot lot = new NewLot(source.productSku(), source.code(), toLocation, source.expiry(), source.condition());
        return Optional.of(LotTarget.create(lot));
    }

    private static void addMove(List<ProposedLine> proposal, RequestLine line, LotInfo source, LotTarget destination) {
        BigDecimal quantity = line.quantity();
        String note = line.field(NOTE).orElse(null);

        int removalIndex = proposal.size();
        proposal.add(ProposedLine.removal(line.index(), source.id(), quantity).withNote(note));
        proposal.add(ProposedLine.addition(line.index(), destination, quantity,
                CostSource.consumed(List.of(removalIndex), BigDecimal.ZERO)).withNote(note));
    }
}
