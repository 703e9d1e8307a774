package org.lotkeeper.types.stocktake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Stocktake: turns a count sheet into one line per lot whose counted quantity differs from the
 * system quantity, with variance = counted - snapshot.
 *
 * <p>Each line names a lot and its counted quantity in the {@code counted} field. A line with a
 * blank count was not counted and is skipped, because blank is not zero. Several lines for the same
 * lot add up, for stock counted in several places. The snapshot is the system quantity frozen when
 * counting started; when a line gives none, the lot's quantity on the effective date is used. A lot
 * without variance gets no line, so a sheet whose counts all match proposes no lines at all and
 * the core posts it without lines. Stock that the count finds in addition enters at the line's
 * unit cost when one is given, else at the lot's unit cost. A lot without a recorded cost therefore
 * needs a unit cost on the line. Expired lots are counted like any other.
 */
@ApplicationScoped
public class StocktakeType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "stocktake";

    static final String COUNTED = "counted";
    static final String SNAPSHOT = "snapshot";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Stocktake")
            .description("Posts the difference between counted and system quantities, one line per lot.")
            .version("1.0.0")
            .lineSigns(LineSign.POSITIVE, LineSign.NEGATIVE)
            .takesFromExpiredLots(true)
            .field(FieldDescriptor.lineField(COUNTED, "Counted", FieldKind.DECIMAL,
                    "Quantity counted; leave empty when the lot was not counted, and enter 0 for none found.")
                    .optional())
            .field(FieldDescriptor.lineField(SNAPSHOT, "System quantity", FieldKind.DECIMAL,
                    "System quantity frozen when counting started; empty for the quantity on the effective date.")
                    .optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        Map<Long, LotCount> counts = new LinkedHashMap<>();
        for (RequestLine line : request.lines()) {
            addLine(line, stock, counts, problems);
        }
        if (problems.isEmpty() && counts.isEmpty()) {
            problems.add("lines", null, "Nothing was counted; enter a counted quantity on at least one line.");
        }
        problems.throwIfAny();

        List<ProposedLine> proposal = new ArrayList<>();
        for (LotCount count : counts.values()) {
            if (count.variance().signum() != 0) {
                proposal.add(toProposedLine(count, problems));
            }
        }
        problems.throwIfAny();
        return proposal;
    }

    private static void addLine(RequestLine line, StockView stock, Map<Long, LotCount> counts, Problems problems) {
        if (line.quantity() != null) {
            problems.add(line.path("quantity"), line.quantity(),
                    "A stocktake line takes its count in the counted field; leave the quantity empty.");
        }
        BigDecimal counted = decimal(line, COUNTED, problems);
        BigDecimal snapshot = decimal(line, SNAPSHOT, problems);
        if (line.unitCost() != null && line.unitCost().signum() < 0) {
            problems.add(line.path("unitCost"), line.unitCost(), "A unit cost must not be negative.");
        }
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A count line names an existing lot by its id.");
            return;
        }
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            return;
        }
        if (counted == null) {
            return;
        }

        LotCount count = counts.computeIfAbsent(lot.id(), id -> new LotCount(lot, line));
        count.addCounted(counted);
        if (snapshot != null && !count.agreeOnSnapshot(snapshot)) {
            problems.add(line.path("fields." + SNAPSHOT), snapshot, "Another line of lot " + lot.code()
                    + " gives system quantity " + count.snapshot().toPlainString() + "; one lot has one snapshot.");
        }
        if (line.unitCost() != null && !count.agreeOnUnitCost(line.unitCost())) {
            problems.add(line.path("unitCost"), line.unitCost(), "Another line of lot " + lot.code()
                    + " gives unit cost " + count.unitCost().toPlainString() + "; give one unit cost per lot.");
        }
    }

    /** Returns a decimal line field that must not be negative, or {@code null} when it is blank or invalid. */
    private static BigDecimal decimal(RequestLine line, String field, Problems problems) {
        String text = line.field(field).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                problems.add(line.path("fields." + field), text, "A quantity on a count sheet must not be negative.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(line.path("fields." + field), text, "Invalid number; enter a quantity such as 12 or 0.5.");
            return null;
        }
    }

    private static ProposedLine toProposedLine(LotCount count, Problems problems) {
        LotInfo lot = count.lot();
        RequestLine line = count.firstLine();
        BigDecimal variance = count.variance();
        Map<String, String> attributes = Map.of(
                COUNTED, count.counted().toPlainString(),
                SNAPSHOT, count.snapshot().toPlainString());
        if (variance.signum() < 0) {
            return ProposedLine.removal(line.index(), lot.id(), variance).withAttributes(attributes);
        }

        CostSource cost;
        if (count.unitCost() != null) {
            cost = CostSource.explicit(count.unitCost());
        } else if (lot.unitCost() != null) {
            cost = CostSource.lotCost();
        } else {
            String extra = variance.compareTo(BigDecimal.ONE) == 0 ? "the extra unit"
                    : "the " + variance.stripTrailingZeros().toPlainString() + " extra units";
            problems.add(line.path("unitCost"), null, "Lot " + lot.code() + " has no recorded cost; give a unit cost"
                    + " for " + extra + ".");
            cost = CostSource.lotCost();
        }
        return ProposedLine.addition(line.index(), LotTarget.existing(lot.id()), variance, cost)
                .withAttributes(attributes);
    }
}
