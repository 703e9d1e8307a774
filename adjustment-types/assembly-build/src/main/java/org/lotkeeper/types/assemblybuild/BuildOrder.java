package org.lotkeeper.types.assemblybuild;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.Expiry;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.StockView;

/**
 * The document fields of a build, checked and parsed: what to build, how many, and where the
 * output goes.
 *
 * @param assembly    the product to build
 * @param bom         the assembly's bill of materials, not empty
 * @param quantity    number of units to build, greater than zero
 * @param outputCodes lot code of the output, or one serial number per unit for a serial assembly
 * @param location    code of the output's location
 * @param expiry      last day of use of the output, or {@code null}
 * @param extraCost   cost added on top of the consumed components, zero when none
 */
record BuildOrder(ProductInfo assembly, List<BomLine> bom, BigDecimal quantity, List<String> outputCodes,
                  String location, LocalDate expiry, BigDecimal extraCost) {

    static final String ASSEMBLY = "assembly";
    static final String QUANTITY = "quantity";
    static final String OUTPUT_LOT = "outputLot";
    static final String OUTPUT_LOCATION = "outputLocation";
    static final String OUTPUT_EXPIRY = "outputExpiry";
    static final String EXTRA_COST = "extraCost";

    /** Decimals of money amounts such as the extra cost. NOTE: assumes a currency with cents. */
    private static final int CENTS = 2;

    /** Returns whether the output is serial-tracked, one lot per unit. */
    boolean serialOutput() {
        return assembly.tracking() == ProductInfo.Tracking.SERIAL;
    }

    /** Parses the document fields, or adds problems and returns empty when any is invalid. */
    static Optional<BuildOrder> parse(AdjustmentRequest request, StockView stock, Problems problems) {
        ProductInfo assembly = assembly(request, stock, problems);
        List<BomLine> bom = assembly == null ? List.of() : mergedBom(stock.billOfMaterials(assembly.sku()));
        if (assembly != null && bom.isEmpty()) {
            problems.add(field(ASSEMBLY), assembly.sku(), "Product " + assembly.sku()
                    + " has no bill of materials, so it cannot be built.");
        }
        BigDecimal quantity = quantity(request, assembly, problems);
        List<String> outputCodes = assembly == null || quantity == null ? List.of()
                : outputCodes(request, stock, assembly, quantity, problems);
        String location = location(request, stock, problems);
        LocalDate expiry = expiry(request, problems);
        BigDecimal extraCost = extraCost(request, problems);

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BuildOrder(assembly, bom, quantity, outputCodes, location, expiry, extraCost));
    }

    /** Returns the bill of materials with one line per component, adding up repeated components. */
    private static List<BomLine> mergedBom(List<BomLine> bom) {
        Map<String, BomLine> byComponent = new LinkedHashMap<>();
        for (BomLine line : bom) {
            byComponent.merge(line.componentSku(), line, (first, more) -> new BomLine(first.assemblySku(),
                    first.componentSku(), first.quantityPerUnit().add(more.quantityPerUnit())));
        }
        return List.copyOf(byComponent.values());
    }

    private static String field(String name) {
        return "fields." + name;
    }

    private static ProductInfo assembly(AdjustmentRequest request, StockView stock, Problems problems) {
        String sku = request.field(ASSEMBLY).orElse(null);
        if (sku == null) {
            problems.add(field(ASSEMBLY), null, "The product to build is missing.");
            return null;
        }
        ProductInfo assembly = stock.product(sku).orElse(null);
        if (assembly == null) {
            problems.add(field(ASSEMBLY), sku, "No product has this sku.");
        }
        return assembly;
    }

    private static BigDecimal quantity(AdjustmentRequest request, ProductInfo assembly, Problems problems) {
        String text = request.field(QUANTITY).orElse(null);
        if (text == null) {
            problems.add(field(QUANTITY), null, "The quantity to build is missing.");
            return null;
        }
        BigDecimal quantity = decimal(text);
        if (quantity == null || quantity.signum() <= 0) {
            problems.add(field(QUANTITY), text, "Enter the quantity to build as a number greater than zero.");
            return null;
        }
        if (assembly != null && quantity.stripTrailingZeros().scale() > assembly.decimals()) {
            problems.add(field(QUANTITY), text, "Quantities of " + assembly.sku() + " in " + assembly.unit()
                    + " allow " + assembly.decimals() + " decimals.");
            return null;
        }
        return quantity;
    }

    private static List<String> outputCodes(AdjustmentRequest request, StockView stock, ProductInfo assembly,
                                            BigDecimal quantity, Problems problems) {
        String text = request.field(OUTPUT_LOT).orElse(null);
        if (assembly.tracking() != ProductInfo.Tracking.SERIAL) {
            if (text == null) {
                problems.add(field(OUTPUT_LOT), null, "The output's lot code is missing; give a batch number, or "
                        + "ALL for a product without batches.");
                return List.of();
            }
            return List.of(text);
        }

        if (quantity.stripTrailingZeros().scale() > 0) {
            problems.add(field(QUANTITY), quantity, "A serial-tracked product is built in whole units.");
            return List.of();
        }
        List<String> serials = text == null ? List.of()
                : List.of(text.split(",", -1)).stream().map(String::strip).toList();
        if (serials.size() != quantity.intValue()) {
            problems.add(field(OUTPUT_LOT), text, "A build of " + quantity.toPlainString() + " " + assembly.sku()
                    + " needs " + quantity.toPlainString() + " serial numbers, separated by commas; " + serials.size()
                    + " given.");
            return List.of();
        }
        checkSerials(stock, assembly, serials, problems);
        return serials;
    }

    private static void checkSerials(StockView stock, ProductInfo assembly, List<String> serials,
                                     Problems problems) {
        Set<String> seen = new HashSet<>();
        List<String> used = new ArrayList<>();
        for (String serial : serials) {
            if (serial.isEmpty()) {
                problems.add(field(OUTPUT_LOT), String.join(",", serials), "A serial number in the list is empty.");
            } else if (!seen.add(serial)) {
                problems.add(field(OUTPUT_LOT), serial, "Serial number " + serial
                        + " appears twice; give each unit its own serial number.");
            } else if (stock.serialUsed(assembly.sku(), serial)) {
                used.add(serial);
            }
        }
        if (!used.isEmpty()) {
            problems.add(field(OUTPUT_LOT), String.join(",", used), "Serial numbers " + used + " of " + assembly.sku()
                    + " were already used; serial numbers are never reused.");
        }
    }

    private static String location(AdjustmentRequest request, StockView stock, Problems problems) {
        String location = request.field(OUTPUT_LOCATION).orElse(null);
        if (location == null) {
            problems.add(field(OUTPUT_LOCATION), null, "The output location is missing.");
        } else if (!stock.locationExists(location)) {
            problems.add(field(OUTPUT_LOCATION), location, "No location has this code.");
        }
        return location;
    }

    private static LocalDate expiry(AdjustmentRequest request, Problems problems) {
        String text = request.field(OUTPUT_EXPIRY).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            LocalDate expiry = LocalDate.parse(text);
            if (Expiry.isExpired(expiry, request.effectiveDate())) {
                problems.add(field(OUTPUT_EXPIRY), text, "The output would be expired on the effective date "
                        + request.effectiveDate() + "; give a later last day of use.");
            }
            return expiry;
        } catch (DateTimeParseException e) {
            problems.add(field(OUTPUT_EXPIRY), text, "Invalid date; use the ISO format, for example 2025-03-31.");
            return null;
        }
    }

    private static BigDecimal extraCost(AdjustmentRequest request, Problems problems) {
        String text = request.field(EXTRA_COST).orElse(null);
        if (text == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal extraCost = decimal(text);
        if (extraCost == null || extraCost.signum() < 0) {
            problems.add(field(EXTRA_COST), text, "Enter the extra cost as an amount of zero or more.");
            return BigDecimal.ZERO;
        }
        if (extraCost.stripTrailingZeros().scale() > CENTS) {
            problems.add(field(EXTRA_COST), text, "Enter the extra cost with at most " + CENTS + " decimals.");
            return BigDecimal.ZERO;
        }
        return extraCost;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
