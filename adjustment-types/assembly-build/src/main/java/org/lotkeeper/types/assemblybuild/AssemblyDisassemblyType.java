package org.lotkeeper.types.assemblybuild;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.BomLine;
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
 * Assembly disassembly: takes built units apart. Each request line names a lot of an assembly and
 * the number of units to take apart; the type removes them and returns the components of the
 * assembly's bill of materials, quantity per unit times units, into a lot with the code the
 * document gives, at the assembly lot's location unless the document names another one.
 *
 * <p>The components receive exactly the value the removal takes out of the assembly lot, shared
 * in proportion to each component's current average unit cost times its quantity, or to the
 * quantities when a component has no costed stock. Shares are whole cents, and the cents left by
 * rounding go to the largest remainders, so the values add up to the removed value. When the
 * assembly lot has no recorded cost, the components are added with unknown cost.
 *
 * <p>NOTE: the removed value is computed from the balance this type is shown, which for a
 * backdated document is the balance on its date, while the core values the removal from the
 * current balance; the two differ only when the lot's value no longer covers the units.
 *
 * <p>Expired assemblies may be taken apart, since recovering their components is a common reason
 * to do so. Serial-tracked components are not supported: they would need one serial per unit.
 */
@ApplicationScoped
public class AssemblyDisassemblyType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "assembly-disassembly";

    static final String COMPONENT_LOT = "componentLot";
    static final String COMPONENT_LOCATION = "componentLocation";
    static final String COMPONENT_EXPIRY = "componentExpiry";

    private static final int CENTS = 2;
    private static final int UNIT_COST_SCALE = 10;

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Assembly disassembly")
            .description("Takes built units apart: removes them from an assembly lot and returns the components of its"
                    + " bill of materials to a lot, at the value the assembly units carried.")
            .version("1.0.0")
            .lineSigns(LineSign.NEGATIVE, LineSign.POSITIVE)
            .createsLots(true)
            .takesFromExpiredLots(true)
            .field(FieldDescriptor.documentField(COMPONENT_LOT, "Component lot", FieldKind.TEXT,
                    "Lot code the components go into, the same for every component; ALL for products without"
                            + " batches."))
            .field(FieldDescriptor.documentField(COMPONENT_LOCATION, "Component location", FieldKind.LOCATION,
                    "Location that receives the components; empty means the assembly lot's location.").optional())
            .field(FieldDescriptor.documentField(COMPONENT_EXPIRY, "Component expiry", FieldKind.DATE,
                    "Last day of use of the returned components; empty when they do not expire.").optional())
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        String componentLot = componentLot(request, problems);
        String location = componentLocation(request, stock, problems);
        LocalDate expiry = componentExpiry(request, problems);
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A disassembly needs at least one line: the assembly lot and the units to"
                    + " take apart.");
        }

        List<ProposedLine> proposal = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            Unit unit = unit(line, request.effectiveDate(), stock, problems);
            if (unit != null && componentLot != null && problems.isEmpty()) {
                proposal.addAll(lines(unit, componentLot, location == null ? unit.lot().locationCode() : location,
                        expiry, stock));
            }
        }
        problems.throwIfAny();
        return proposal;
    }

    /** One request line, checked: units of one assembly lot and the components they return. */
    private record Unit(RequestLine line, LotInfo lot, BigDecimal quantity, Map<ProductInfo, BigDecimal> components) {
    }

    private static String componentLot(AdjustmentRequest request, Problems problems) {
        String code = request.field(COMPONENT_LOT).map(String::strip).orElse("");
        if (code.isEmpty()) {
            problems.add("fields." + COMPONENT_LOT, null, "The lot code for the returned components is missing;"
                    + " give a batch number, or ALL for products without batches.");
            return null;
        }
        return code;
    }

    private static String componentLocation(AdjustmentRequest request, StockView stock, Problems problems) {
        String code = request.field(COMPONENT_LOCATION).map(String::strip).orElse("");
        if (code.isEmpty()) {
            return null;
        }
        if (!stock.locationExists(code)) {
            problems.add("fields." + COMPONENT_LOCATION, code, "No location has this code.");
            return null;
        }
        return code;
    }

    private static LocalDate componentExpiry(AdjustmentRequest request, Problems problems) {
        String text = request.field(COMPONENT_EXPIRY).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("fields." + COMPONENT_EXPIRY, text, "Enter the expiry as a date such as 2027-03-31.");
            return null;
        }
    }

    private static Unit unit(RequestLine line, LocalDate date, StockView stock, Problems problems) {
        LotInfo lot = assemblyLot(line, stock, problems);
        BigDecimal quantity = line.quantity();
        if (quantity == null || quantity.signum() <= 0) {
            problems.add(line.path("quantity"), quantity == null ? null : quantity.toPlainString(),
                    "Enter the number of units to take apart as a number greater than zero.");
            return null;
        }
        if (lot == null) {
            return null;
        }

        ProductInfo assembly = stock.product(lot.productSku()).orElseThrow();
        if (quantity.stripTrailingZeros().scale() > assembly.decimals()) {
            problems.add(line.path("quantity"), quantity.toPlainString(), "Quantities of " + assembly.sku() + " in "
                    + assembly.unit() + " allow " + assembly.decimals() + " decimals.");
            return null;
        }
        if (quantity.compareTo(lot.quantity()) > 0) {
            problems.add(line.path("quantity"), quantity.toPlainString(), "Lot " + lot.code() + " of " + assembly.sku()
                    + " holds " + lot.quantity().stripTrailingZeros().toPlainString() + " on " + date
                    + "; it cannot give " + quantity.toPlainString() + ".");
            return null;
        }
        Map<ProductInfo, BigDecimal> components = components(line, assembly, quantity, stock, problems);
        return components.isEmpty() ? null : new Unit(line, lot, quantity, components);
    }

    private static LotInfo assemblyLot(RequestLine line, StockView stock, Problems problems) {
        if (line.lotId() == null) {
            problems.add(line.path("lotId"), null, "A disassembly names the assembly lot by its id.");
            return null;
        }
        LotInfo lot = stock.lot(line.lotId()).orElse(null);
        if (lot == null) {
            problems.add(line.path("lotId"), line.lotId(), "No lot has this id.");
            return null;
        }
        boolean assembly = stock.product(lot.productSku()).map(ProductInfo::assembly).orElse(false);
        if (!assembly || stock.billOfMaterials(lot.productSku()).isEmpty()) {
            problems.add(line.path("lotId"), line.lotId(), "Lot " + lot.code() + " holds " + lot.productSku()
                    + ", which has no bill of materials, so it cannot be taken apart.");
            return null;
        }
        return lot;
    }

    /** Returns each component with the quantity the units return, adding up repeated components. */
    private static Map<ProductInfo, BigDecimal> components(RequestLine line, ProductInfo assembly, BigDecimal units,
                                                           StockView stock, Problems problems) {
        Map<ProductInfo, BigDecimal> components = new LinkedHashMap<>();
        for (BomLine bom : stock.billOfMaterials(assembly.sku())) {
            ProductInfo component = stock.product(bom.componentSku()).orElseThrow();
            components.merge(component, bom.quantityPerUnit().multiply(units), BigDecimal::add);
        }
        components.forEach((component, quantity) -> {
            if (component.tracking() == ProductInfo.Tracking.SERIAL) {
                problems.add(line.path("lotId"), line.lotId(), "Component " + component.sku() + " of "
                        + assembly.sku() + " is serial-tracked, and a disassembly returns components to batch lots"
                        + " only.");
            } else if (quantity.stripTrailingZeros().scale() > component.decimals()) {
                problems.add(line.path("quantity"), units.toPlainString(), "Taking apart " + units.toPlainString()
                        + " of " + assembly.sku() + " returns " + quantity.stripTrailingZeros().toPlainString() + " "
                        + component.unit() + " of " + component.sku() + ", but " + component.sku() + " allows "
                        + component.decimals() + " decimals.");
            }
        });
        return problems.isEmpty() ? components : Map.of();
    }

    private static List<ProposedLine> lines(Unit unit, String code, String location, LocalDate expiry,
                                            StockView stock) {
        List<ProposedLine> lines = new ArrayList<>();
        lines.add(ProposedLine.removal(unit.line().index(), unit.lot().id(), unit.quantity())
                .withNote("taken apart into lot " + code));

        boolean costKnown = unit.lot().unitCost() != null;
        List<ProductInfo> components = List.copyOf(unit.components().keySet());
        List<BigDecimal> values = costKnown
                ? shares(removedValue(unit.lot(), unit.quantity()), weights(unit.components(), stock))
                : null;
        for (int i = 0; i < components.size(); i++) {
            ProductInfo component = components.get(i);
            BigDecimal quantity = unit.components().get(component).stripTrailingZeros();
            CostSource cost = values == null ? CostSource.unknown()
                    : CostSource.explicit(values.get(i).divide(quantity, UNIT_COST_SCALE, RoundingMode.HALF_UP));
            NewLot lot = new NewLot(component.sku(), code, location, expiry, null);
            lines.add(ProposedLine.addition(unit.line().index(), LotTarget.create(lot), quantity, cost)
                    .withNote("from lot " + unit.lot().code() + " of " + unit.lot().productSku()));
        }
        return lines;
    }

    /**
     * Returns the value that removing {@code units} takes out of the lot, as the core values a
     * removal: the unit cost times the units in cents, never more than the lot's value, and all of
     * the value when the removal empties the lot.
     */
    static BigDecimal removedValue(LotInfo lot, BigDecimal units) {
        if (units.compareTo(lot.quantity()) >= 0) {
            return lot.value();
        }
        BigDecimal removed = units.multiply(lot.unitCost()).setScale(CENTS, RoundingMode.HALF_UP);
        return removed.min(lot.value());
    }

    /**
     * Returns each component's weight in the value: its quantity times the average unit cost of
     * its costed stock, or its quantity alone for every component when any has no costed stock.
     */
    private static List<BigDecimal> weights(Map<ProductInfo, BigDecimal> components, StockView stock) {
        List<BigDecimal> byCost = new ArrayList<>();
        for (Map.Entry<ProductInfo, BigDecimal> component : components.entrySet()) {
            BigDecimal average = averageUnitCost(stock.lotsOf(component.getKey().sku()));
            if (average == null) {
                return List.copyOf(components.values());
            }
            byCost.add(component.getValue().multiply(average));
        }
        return byCost.stream().allMatch(weight -> weight.signum() == 0) ? List.copyOf(components.values()) : byCost;
    }

    private static BigDecimal averageUnitCost(List<LotInfo> lots) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (LotInfo lot : lots) {
            if (lot.quantity().signum() > 0 && lot.unitCost() != null) {
                quantity = quantity.add(lot.quantity());
                value = value.add(lot.value());
            }
        }
        return quantity.signum() == 0 ? null : value.divide(quantity, UNIT_COST_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Splits {@code total} into whole cents in proportion to the weights, giving the cents left
     * by rounding down to the largest remainders, so that the shares add up to the total.
     */
    static List<BigDecimal> shares(BigDecimal total, List<BigDecimal> weights) {
        long cents = total.movePointRight(CENTS).longValueExact();
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long[] share = new long[weights.size()];
        BigDecimal[] remainder = new BigDecimal[weights.size()];
        long given = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(cents).multiply(weights.get(i))
                    .divide(weightSum, UNIT_COST_SCALE, RoundingMode.HALF_UP);
            share[i] = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            remainder[i] = exact.subtract(BigDecimal.valueOf(share[i]));
            given += share[i];
        }
        for (long left = cents - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < weights.size(); i++) {
                if (remainder[i].compareTo(remainder[largest]) > 0) {
                    largest = i;
                }
            }
            share[largest]++;
            remainder[largest] = remainder[largest].subtract(BigDecimal.ONE);
        }
        List<BigDecimal> values = new ArrayList<>();
        for (long value : share) {
            values.add(BigDecimal.valueOf(value, CENTS));
        }
        return values;
    }
}
