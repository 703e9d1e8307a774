package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.support.BusinessException;

/**
 * Checks an opening-stock file and turns its valid rows into opening lines. It reads each row and
 * rejects serial numbers used before or repeated. Then it fills in missing unit costs by the cost
 * policy and merges rows for the same product, lot code and location into one line.
 */
final class OpeningStockCheck {

    /** Most file lines named in a lot's origin text, so that it fits its column. */
    private static final int MAX_ORIGIN_LINES = 50;

    private final ImportLookups lookups;
    private final ImportOptions options;
    private final ImportIssues issues;

    OpeningStockCheck(ImportLookups lookups, ImportOptions options, ImportIssues issues) {
        this.lookups = lookups;
        this.options = options;
        this.issues = issues;
    }

    /**
     * Returns the opening lines for the rows without errors.
     *
     * @throws BusinessException when the default location does not exist
     */
    List<StockLine> check(List<ImportRow> rows) {
        Map<String, Product> products = lookups.products(rows.stream().map(row -> row.value("sku")).toList());
        Map<String, ImportLookups.ExistingLocation> locations = lookups.locations();
        if (options.defaultLocation() != null && !locations.containsKey(options.defaultLocation())) {
            throw BusinessException.invalid("defaultLocation", options.defaultLocation(), "Default location "
                    + options.defaultLocation() + " does not exist; give the code of an existing location.");
        }

        OpeningRowReader reader = new OpeningRowReader(rows, products, locations, options, issues);
        List<OpeningRow> read = new ArrayList<>();
        for (ImportRow row : rows) {
            OpeningRow opening = reader.read(row);
            if (opening != null) {
                read.add(opening);
            }
        }
        checkSerials(read);
        List<OpeningRow> costed = fillMissingCosts(valid(read));
        return merge(valid(costed));
    }

    private List<OpeningRow> valid(List<OpeningRow> rows) {
        return rows.stream().filter(row -> !issues.rejected(row.row())).toList();
    }

    /** Rejects serial numbers that the product used before and serial numbers repeated in the file. */
    private void checkSerials(List<OpeningRow> rows) {
        Map<List<Object>, Integer> firstLine = new HashMap<>();
        for (OpeningRow row : rows) {
            if (!row.product().isSerialTracked()) {
                continue;
            }
            String sku = row.product().getSku();
            Integer earlier = firstLine.putIfAbsent(List.of(sku, row.code()), row.row().line());
            if (earlier != null) {
                issues.error(row.row(), "serial", "Serial number " + row.code() + " of " + sku + " is also on line "
                        + earlier + "; each unit has its own serial number.");
            } else if (lookups.serialUsed(row.product(), row.code())) {
                issues.error(row.row(), "serial", "Serial number " + row.code() + " of " + sku + " was already used;"
                        + " a serial number is never reused.");
            }
        }
    }

    /** Returns the rows with the cost policy applied to those without a unit cost. */
    private List<OpeningRow> fillMissingCosts(List<OpeningRow> rows) {
        Map<String, BigDecimal[]> costedTotals = new HashMap<>();
        for (OpeningRow row : rows) {
            if (row.unitCost() != null) {
                BigDecimal[] totals = costedTotals.computeIfAbsent(row.product().getSku(),
                        sku -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                totals[0] = totals[0].add(row.quantity());
                totals[1] = totals[1].add(row.quantity().multiply(row.unitCost()));
            }
        }

        List<OpeningRow> costed = new ArrayList<>();
        for (OpeningRow row : rows) {
            costed.add(row.unitCost() != null ? row : row.withUnitCost(policyCost(row, costedTotals)));
        }
        return costed;
    }

    private BigDecimal policyCost(OpeningRow row, Map<String, BigDecimal[]> costedTotals) {
        String sku = row.product().getSku();
        switch (options.costPolicy()) {
            case ZERO -> {
                issues.warning(row.row(), "unit_cost", "No unit cost; the stock enters at cost 0 by cost policy zero.");
                return BigDecimal.ZERO;
            }
            case PRODUCT_AVERAGE -> {
                BigDecimal[] totals = costedTotals.get(sku);
                if (totals == null) {
                    issues.error(row.row(), "unit_cost", "No unit cost, and no other valid row of " + sku
                            + " in the file has one to average; give a unit cost.");
                    return null;
                }
                BigDecimal average = totals[1].divide(totals[0], OpeningRowReader.COST_DECIMALS, RoundingMode.HALF_UP);
                issues.warning(row.row(), "unit_cost", "No unit cost; the stock enters at " + average.toPlainString()
                        + ", the quantity-weighted average unit cost of the other rows of " + sku + " in the file.");
                return average;
            }
            default -> {
                issues.error(row.row(), "unit_cost", "The unit cost is missing; give one, or import with cost policy"
                        + " zero or product-average.");
                return null;
            }
        }
    }

    /**
     * Merges rows for the same product, lot code and location into one line, in order of first
     * appearance. Quantities and values add up, so the unit cost is the quantity-weighted average
     * rounded to 4 decimals. When the rows disagree on the condition, the lot takes the first one
     * that is not ok, so a problem is never hidden.
     */
    private List<StockLine> merge(List<OpeningRow> rows) {
        Map<List<String>, List<OpeningRow>> groups = new LinkedHashMap<>();
        for (OpeningRow row : rows) {
            groups.computeIfAbsent(List.of(row.product().getSku(), row.code(), row.location()), key -> new ArrayList<>())
                    .add(row);
        }
        List<StockLine> lines = new ArrayList<>();
        for (List<OpeningRow> group : groups.values()) {
            lines.add(line(group));
        }
        return lines;
    }

    private StockLine line(List<OpeningRow> group) {
        OpeningRow first = group.get(0);
        List<Integer> fileLines = group.stream().map(row -> row.row().line()).toList();
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (OpeningRow row : group) {
            quantity = quantity.add(row.quantity());
            value = value.add(row.quantity().multiply(row.unitCost()));
        }
        BigDecimal unitCost = group.size() == 1 ? first.unitCost()
                : value.divide(quantity, OpeningRowReader.COST_DECIMALS, RoundingMode.HALF_UP);
        String condition = condition(group);

        if (group.size() > 1) {
            issues.warning(first.row().line(), null, null, "Lines " + join(fileLines) + " repeat product "
                    + first.product().getSku() + ", lot " + first.code() + " at " + first.location() + "; they are"
                    + " merged into one line of quantity " + quantity.toPlainString() + " at unit cost "
                    + unitCost.toPlainString() + ", the quantity-weighted average.");
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("origin", "CSV import, line" + (fileLines.size() == 1 ? " " : "s ") + join(fileLines));
        if (first.batch() != null) {
            fields.put("batch", first.batch());
        }
        return new StockLine(fileLines, first.product().getSku(), first.code(), first.location(), quantity, unitCost,
                condition, fields);
    }

    private String condition(List<OpeningRow> group) {
        Set<String> conditions = new HashSet<>();
        group.forEach(row -> conditions.add(row.condition()));
        if (conditions.size() == 1) {
            return group.get(0).condition();
        }
        String chosen = group.stream().map(OpeningRow::condition).filter(condition -> !condition.equals("ok"))
                .findFirst().orElseThrow();
        String listed = group.stream().map(row -> row.row().line() + ": " + row.condition())
                .collect(Collectors.joining(", "));
        issues.warning(group.get(0).row().line(), "status", null, "The merged rows have different statuses (" + listed
                + "); the lot takes " + chosen + ", the first status that is not ok.");
        return Objects.requireNonNull(chosen);
    }

    private static String join(List<Integer> lines) {
        List<Integer> shown = lines.size() > MAX_ORIGIN_LINES ? lines.subList(0, MAX_ORIGIN_LINES) : lines;
        String text = shown.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > shown.size() ? text + " and " + (lines.size() - shown.size()) + " more" : text;
    }
}
