package org.lotkeeper.types.assemblybuild;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.FirstExpiryFirstOut;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.StockView;

/**
 * Decides which component lots a build consumes. A component whose lots the request lines choose
 * uses exactly those lots, which must add up to what the build needs. Every other component is
 * taken first-expiry-first-out from its usable lots. Expired lots are never consumed.
 */
final class ComponentPicker {

    private ComponentPicker() {
    }

    /**
     * Returns the picks of every component in bill-of-materials order, or empty after adding
     * problems when a chosen lot is invalid, chosen lots do not add up, or stock is short.
     */
    static Optional<Map<BomLine, List<ComponentPick>>> pick(BuildOrder order, List<RequestLine> lines,
                                                            LocalDate date, StockView stock, Problems problems) {
        Map<String, List<ComponentPick>> chosen = chosenLots(order, lines, date, stock, problems);
        Map<BomLine, List<ComponentPick>> picks = new LinkedHashMap<>();
        for (BomLine component : order.bom()) {
            BigDecimal needed = component.quantityPerUnit().multiply(order.quantity());
            if (!fitsUnit(order, component, needed, stock, problems)) {
                continue;
            }
            List<ComponentPick> chosenForComponent = chosen.get(component.componentSku());
            if (chosenForComponent != null) {
                checkChosenTotal(order, component, needed, chosenForComponent, lines, problems);
                picks.put(component, chosenForComponent);
            } else {
                picks.put(component, firstExpiryFirstOut(order, component, needed, date, stock, problems));
            }
        }
        return problems.isEmpty() ? Optional.of(picks) : Optional.empty();
    }

    /** Returns the chosen lots by component sku, one pick per lot in the order first chosen. */
    private static Map<String, List<ComponentPick>> chosenLots(BuildOrder order, List<RequestLine> lines,
                                                               LocalDate date, StockView stock, Problems problems) {
        Map<String, Map<Long, ComponentPick>> chosen = new LinkedHashMap<>();
        for (RequestLine line : lines) {
            LotInfo lot = chosenLot(order, line, date, stock, problems);
            if (lot == null || !validQuantity(line, problems)) {
                continue;
            }
            chosen.computeIfAbsent(lot.productSku(), sku -> new LinkedHashMap<>())
                    .merge(lot.id(), new ComponentPick(line.index(), lot, line.quantity()),
                            (first, more) -> first.withQuantity(first.quantity().add(more.quantity())));
        }
        Map<String, List<ComponentPick>> bySku = new LinkedHashMap<>();
        chosen.forEach((sku, byLot) -> bySku.put(sku, List.copyOf(byLot.values())));
        return bySku;
    }

    private static LotInfo chosenLot(BuildOrder order, RequestLine line, LocalDate date, StockView stock,
                                     Problems problems) {
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A line of a build chooses a component lot by its id.");
            return null;
        }
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            return null;
        }
        boolean isComponent = order.bom().stream().anyMatch(b -> b.componentSku().equals(lot.productSku()));
        if (!isComponent) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " contains " + lot.productSku()
                    + ", which is not a component of " + order.assembly().sku() + ".");
            return null;
        }
        if (lot.isExpiredOn(date)) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " expired on " + lot.expiry()
                    + "; expired components cannot be used in a build.");
            return null;
        }
        return lot;
    }

    private static boolean validQuantity(RequestLine line, Problems problems) {
        if (line.quantity() == null) {
            problems.add(line.path("quantity"), null, "The quantity to consume from the chosen lot is missing.");
            return false;
        }
        if (line.quantity().signum() <= 0) {
            problems.add(line.path("quantity"), line.quantity(),
                    "Enter the quantity to consume from the chosen lot as a positive number.");
            return false;
        }
        return true;
    }

    /**
     * Checks that a component's need has no more decimals than its unit allows. A serial build
     * consumes each unit's share separately, so there the quantity per unit must fit as well.
     */
    private static boolean fitsUnit(BuildOrder order, BomLine component, BigDecimal needed, StockView stock,
                                    Problems problems) {
        ProductInfo product = stock.product(component.componentSku()).orElse(null);
        if (product == null) {
            problems.add("fields." + BuildOrder.ASSEMBLY, order.assembly().sku(), "The bill of materials of "
                    + order.assembly().sku() + " names component " + component.componentSku()
                    + ", which is not a known product; correct the bill of materials.");
            return false;
        }
        if (component.quantityPerUnit().signum() <= 0) {
            problems.add("fields." + BuildOrder.ASSEMBLY, order.assembly().sku(), "The bill of materials of "
                    + order.assembly().sku() + " gives component " + product.sku() + " a quantity of "
                    + component.quantityPerUnit().toPlainString() + " per unit; correct it to a positive quantity.");
            return false;
        }
        BigDecimal share = order.serialOutput() ? component.quantityPerUnit() : needed;
        if (share.stripTrailingZeros().scale() > product.decimals()) {
            problems.add("fields." + BuildOrder.QUANTITY, order.quantity(), "Component " + product.sku()
                    + " would be consumed " + share.stripTrailingZeros().toPlainString() + " " + product.unit()
                    + " at a time, but " + product.unit() + " allows " + product.decimals() + " decimals.");
            return false;
        }
        return true;
    }

    private static void checkChosenTotal(BuildOrder order, BomLine component, BigDecimal needed,
                                         List<ComponentPick> chosen, List<RequestLine> lines, Problems problems) {
        BigDecimal total = chosen.stream().map(ComponentPick::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(needed) != 0) {
            int firstIndex = chosen.get(0).requestLine();
            RequestLine first = lines.stream().filter(line -> line.index() == firstIndex).findFirst().orElseThrow();
            problems.add(first.path("quantity"), total, "Component " + component.componentSku() + ": "
                    + order.quantity().toPlainString() + " " + order.assembly().sku() + " need "
                    + needed.stripTrailingZeros().toPlainString() + ", but the chosen lots give "
                    + total.stripTrailingZeros().toPlainString() + ".");
        }
    }

    private static List<ComponentPick> firstExpiryFirstOut(BuildOrder order, BomLine component, BigDecimal needed,
                                                           LocalDate date, StockView stock, Problems problems) {
        FirstExpiryFirstOut.Allocation allocation =
                FirstExpiryFirstOut.allocate(stock.lotsOf(component.componentSku()), needed, date);
        if (allocation.isShort()) {
            problems.add("fields." + BuildOrder.QUANTITY, order.quantity(), "Component "
                    + component.componentSku() + ": needs " + needed.stripTrailingZeros().toPlainString()
                    + ", available " + allocation.available().stripTrailingZeros().toPlainString()
                    + " (not expired).");
            return List.of();
        }
        List<ComponentPick> picks = new ArrayList<>();
        for (FirstExpiryFirstOut.Pick pick : allocation.picks()) {
            picks.add(new ComponentPick(-1, pick.lot(), pick.quantity()));
        }
        return picks;
    }
}
