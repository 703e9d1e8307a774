package org.lotkeeper.types.assemblybuild;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.ProposedLine;

/**
 * Turns a build order and its component picks into proposed lines: negative lines on the component
 * lots first, then the positive output lines.
 *
 * <p>A lot-tracked output is one line that receives the value of every component line plus the
 * extra cost. A serial output is one line of quantity 1 per serial number. Each unit consumes its
 * own share of every component on lines of its own, taken from the picks in order, and its output
 * line receives only the value of those lines. The extra cost is split in cents: every unit gets
 * the extra cost divided by the number of units, rounded down, and the last unit also gets what
 * rounding left over. The output value therefore adds up to the consumed value plus the extra
 * cost, and no component value is counted twice.
 */
final class OutputLines {

    /** Attribute of an output line that lists the component lots it consumed, as {@code lotId:quantity}. */
    static final String ORIGIN = "origin";

    private static final int CENTS = 2;

    private OutputLines() {
    }

    /** Returns the proposal for a build whose components are picked. */
    static List<ProposedLine> of(BuildOrder order, Map<BomLine, List<ComponentPick>> picks) {
        return order.serialOutput() ? serialOutput(order, picks) : lotOutput(order, picks);
    }

    private static List<ProposedLine> lotOutput(BuildOrder order, Map<BomLine, List<ComponentPick>> picks) {
        List<ProposedLine> proposal = new ArrayList<>();
        List<ComponentPick> consumed = new ArrayList<>();
        picks.values().forEach(consumed::addAll);
        List<Integer> indices = addComponentLines(proposal, consumed);

        NewLot lot = new NewLot(order.assembly().sku(), order.outputCodes().get(0), order.location(), order.expiry(),
                null);
        proposal.add(ProposedLine.addition(-1, LotTarget.create(lot), order.quantity(),
                CostSource.consumed(indices, order.extraCost())).withAttributes(Map.of(ORIGIN, origin(consumed))));
        return proposal;
    }

    private static List<ProposedLine> serialOutput(BuildOrder order, Map<BomLine, List<ComponentPick>> picks) {
        int units = order.outputCodes().size();
        List<List<ComponentPick>> consumedByUnit = new ArrayList<>();
        for (int unit = 0; unit < units; unit++) {
            consumedByUnit.add(new ArrayList<>());
        }
        picks.forEach((component, componentPicks) -> {
            Deque<ComponentPick> remaining = new ArrayDeque<>(componentPicks);
            for (List<ComponentPick> consumed : consumedByUnit) {
                consumed.addAll(take(remaining, component.quantityPerUnit()));
            }
        });

        List<ProposedLine> proposal = new ArrayList<>();
        List<List<Integer>> indicesByUnit = new ArrayList<>();
        for (List<ComponentPick> consumed : consumedByUnit) {
            indicesByUnit.add(addComponentLines(proposal, consumed));
        }
        List<BigDecimal> extraShares = extraShares(order.extraCost(), units);
        for (int unit = 0; unit < units; unit++) {
            NewLot lot = new NewLot(order.assembly().sku(), order.outputCodes().get(unit), order.location(),
                    order.expiry(), null);
            proposal.add(ProposedLine.addition(-1, LotTarget.create(lot), BigDecimal.ONE,
                            CostSource.consumed(indicesByUnit.get(unit), extraShares.get(unit)))
                    .withAttributes(Map.of(ORIGIN, origin(consumedByUnit.get(unit)))));
        }
        return proposal;
    }

    /** Removes {@code quantity} from the front of {@code remaining}, splitting a pick where needed. */
    private static List<ComponentPick> take(Deque<ComponentPick> remaining, BigDecimal quantity) {
        List<ComponentPick> portion = new ArrayList<>();
        BigDecimal missing = quantity;
        while (missing.signum() > 0) {
            ComponentPick next = remaining.removeFirst();
            if (next.quantity().compareTo(missing) <= 0) {
                portion.add(next);
                missing = missing.subtract(next.quantity());
            } else {
                portion.add(next.withQuantity(missing));
                remaining.addFirst(next.withQuantity(next.quantity().subtract(missing)));
                missing = BigDecimal.ZERO;
            }
        }
        return portion;
    }

    /** Adds one negative line per pick and returns their indices in the proposal. */
    private static List<Integer> addComponentLines(List<ProposedLine> proposal, List<ComponentPick> consumed) {
        List<Integer> indices = new ArrayList<>();
        for (ComponentPick pick : consumed) {
            indices.add(proposal.size());
            proposal.add(ProposedLine.removal(pick.requestLine(), pick.lot().id(), pick.quantity()));
        }
        return indices;
    }

    private static List<BigDecimal> extraShares(BigDecimal extraCost, int units) {
        BigDecimal share = extraCost.divide(BigDecimal.valueOf(units), CENTS, RoundingMode.DOWN);
        List<BigDecimal> shares = new ArrayList<>();
        for (int unit = 0; unit < units - 1; unit++) {
            shares.add(share);
        }
        shares.add(extraCost.subtract(share.multiply(BigDecimal.valueOf(units - 1L))));
        return shares;
    }

    private static String origin(List<ComponentPick> consumed) {
        return consumed.stream()
                .map(pick -> pick.lot().id() + ":" + pick.quantity().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(","));
    }
}
