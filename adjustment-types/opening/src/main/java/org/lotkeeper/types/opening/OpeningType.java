package org.lotkeeper.types.opening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Opening stock: puts starting quantities on the books, usually into new lots, each at a stated
 * unit cost. Every line must be positive and give its unit cost, because opening stock has no
 * earlier cost to inherit.
 */
@ApplicationScoped
public class OpeningType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "opening";

    static final String REFERENCE = "reference";

    /** Line field that states that the stock's cost was never recorded. */
    static final String COST_UNKNOWN = "costUnknown";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Opening stock")
            .description("Puts starting stock on the books, into new or existing lots, each line at its unit cost.")
            .version("1.0.0")
            .lineSigns(LineSign.POSITIVE)
            .createsLots(true)
            .field(FieldDescriptor.documentField(REFERENCE, "Reference", FieldKind.TEXT,
                    "Where the figures come from, for example the name of the count or the import file.").optional())
            .field(FieldDescriptor.lineField(COST_UNKNOWN, "Cost unknown", FieldKind.BOOLEAN,
                    "True when the stock's cost was never recorded; the lot then keeps no cost.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "An opening needs at least one line.");
        }

        List<ProposedLine> proposal = new ArrayList<>();
        Set<Map.Entry<String, String>> serialsInRequest = new HashSet<>();
        for (RequestLine line : request.lines()) {
            checkLine(line, stock, serialsInRequest, problems);
            if (problems.isEmpty()) {
                proposal.add(toProposedLine(line));
            }
        }

        problems.throwIfAny();
        return proposal;
    }

    private static boolean costUnknown(RequestLine line) {
        return line.field(COST_UNKNOWN).map(Boolean::parseBoolean).orElse(false);
    }

    private static void checkLine(RequestLine line, StockView stock,
                                  Set<Map.Entry<String, String>> serialsInRequest, Problems problems) {
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            problems.add(line.path("quantity"), null, "The quantity is missing.");
        } else if (quantity.signum() <= 0) {
            problems.add(line.path("quantity"), quantity.toPlainString(),
                    "Opening stock must be a positive quantity.");
        }
        boolean costUnknown = costUnknown(line);
        if (line.unitCost() == null && !costUnknown) {
            problems.add(line.path("unitCost"), null, "Opening stock needs a unit cost; enter 0 for free stock, or set"
                    + " the line field " + COST_UNKNOWN + " to true when the cost was never recorded.");
        } else if (line.unitCost() != null && costUnknown) {
            problems.add(line.path("fields." + COST_UNKNOWN), "true", "Give a unit cost or mark the cost unknown,"
                    + " not both.");
        } else if (line.unitCost() != null && line.unitCost().signum() < 0) {
            problems.add(line.path("unitCost"), line.unitCost().toPlainString(), "A unit cost must not be negative.");
        }
        if (line.lotId() == null && line.newLot() == null) {
            problems.add(line.path("lot"), null, "Name an existing lot or describe the new lot.");
        }
        if (line.lotId() != null && line.newLot() != null) {
            problems.add(line.path("lot"), line.lotId(),
                    "Name an existing lot or describe a new lot, not both.");
        }
        if (line.lotId() != null && stock.lot(line.lotId()).isEmpty()) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
        }
        if (line.newLot() != null) {
            checkNewLot(line, stock, serialsInRequest, problems);
        }
    }

    private static void checkNewLot(RequestLine line, StockView stock,
                                    Set<Map.Entry<String, String>> serialsInRequest, Problems problems) {
        NewLot lot = line.newLot();
        if (!stock.locationExists(lot.locationCode())) {
            problems.add(line.path("newLot.locationCode"), lot.locationCode(), "No location has this code.");
        }
        ProductInfo product = stock.product(lot.productSku()).orElse(null);
        if (product == null) {
            problems.add(line.path("newLot.productSku"), lot.productSku(), "No product has this sku.");
        } else if (product.tracking() == ProductInfo.Tracking.SERIAL) {
            checkSerial(line, stock, serialsInRequest, problems);
        }
    }

    private static void checkSerial(RequestLine line, StockView stock,
                                    Set<Map.Entry<String, String>> serialsInRequest, Problems problems) {
        String sku = line.newLot().productSku();
        String serial = line.newLot().code();
        if (stock.serialUsed(sku, serial)) {
            problems.add(line.path("newLot.code"), serial,
                    "Serial number " + serial + " of " + sku + " was already used; serial numbers are never reused.");
        } else if (!serialsInRequest.add(Map.entry(sku, serial))) {
            problems.add(line.path("newLot.code"), serial,
                    "Serial number " + serial + " of " + sku + " appears on more than one line; give each unit its own"
                            + " serial number.");
        }
        if (line.quantity() != null && line.quantity().compareTo(BigDecimal.ONE) != 0) {
            problems.add(line.path("quantity"), line.quantity(),
                    "A serial lot holds one unit; enter 1 and give every further unit its own line.");
        }
    }

    private static ProposedLine toProposedLine(RequestLine line) {
        LotTarget target = line.lotId() != null ? LotTarget.existing(line.lotId()) : LotTarget.create(line.newLot());
        return ProposedLine.addition(line.index(), target, line.quantity(), costUnknown(line) ? CostSource.unknown()
                : CostSource.explicit(line.unitCost()))
                .withAttributes(Map.copyOf(line.fields()));
    }
}
