package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.lotkeeper.api.NewLot;
import org.lotkeeper.core.catalog.Product;

/**
 * Reads the values of opening-stock rows and chooses each row's lot code from the product's
 * tracking. A lot-tracked row without lot or serial goes to the product's {@code ALL} lot. A
 * lot-tracked row with only a serial uses the serial as its lot code, with a warning, and one with
 * both is an error because a lot-tracked product keeps no serial numbers. A serial-tracked row
 * needs a serial and quantity 1; the serial is its lot code and its lot column is kept as the
 * entry's {@code batch} field.
 */
final class OpeningRowReader {

    /** Decimals a unit cost may have, as in lot costs. */
    static final int COST_DECIMALS = 4;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CONDITION = Pattern.compile("[a-z][a-z0-9_-]{0,29}");

    private final Map<String, Product> products;
    private final Map<String, ImportLookups.ExistingLocation> locations;
    private final ImportOptions options;
    private final ImportIssues issues;
    private final ImportValues values;
    private final String fileCurrency;
    private final Integer currencyLine;

    OpeningRowReader(List<ImportRow> rows, Map<String, Product> products,
                     Map<String, ImportLookups.ExistingLocation> locations, ImportOptions options, ImportIssues issues) {
        this.products = products;
        this.locations = locations;
        this.options = options;
        this.issues = issues;
        this.values = new ImportValues(issues);
        ImportRow first = rows.stream().filter(row -> !row.blank("currency")).findFirst().orElse(null);
        this.fileCurrency = first == null ? null : first.value("currency").toUpperCase(Locale.ROOT);
        this.currencyLine = first == null ? null : first.line();
    }

    /** Returns the row read, or {@code null} when it has an error. */
    OpeningRow read(ImportRow row) {
        String sku = values.code(row, "sku");
        Product product = sku == null ? null : products.get(sku);
        if (sku != null && product == null) {
            issues.error(row, "sku", "Product " + sku + " does not exist; import the products first.");
        }
        String location = location(row);
        BigDecimal quantity = values.number(row, "quantity", false);
        if (quantity != null && product != null && quantity.scale() > product.getDecimals()) {
            issues.error(row, "quantity", "Quantity " + quantity.toPlainString() + " of " + sku + " has too many"
                    + " decimals: unit " + product.getUnit() + " allows " + product.getDecimals() + ".");
        }
        BigDecimal unitCost = unitCost(row);
        checkCurrency(row);
        String condition = condition(row);
        String code = product == null ? null : lotCode(row, product, quantity);

        if (issues.rejected(row)) {
            return null;
        }
        String batch = product.isSerialTracked() && !row.blank("lot") ? row.value("lot") : null;
        return new OpeningRow(row, product, code, location, quantity, unitCost, condition, batch);
    }

    private String location(ImportRow row) {
        if (row.blank("location")) {
            if (options.defaultLocation() == null) {
                issues.error(row, "location", "The location is missing; give one, or import with a default location.");
                return null;
            }
            issues.warning(row, "location", "No location; the stock goes to the default location "
                    + options.defaultLocation() + ".");
            return options.defaultLocation();
        }
        String code = values.code(row, "location");
        if (code != null && !locations.containsKey(code)) {
            issues.error(row, "location", "Location " + code + " does not exist; import the locations first.");
            return null;
        }
        return code;
    }

    private BigDecimal unitCost(ImportRow row) {
        if (row.blank("unit_cost")) {
            return null;
        }
        BigDecimal cost = values.number(row, "unit_cost", true);
        if (cost != null && cost.scale() > COST_DECIMALS) {
            issues.error(row, "unit_cost", "Unit cost " + cost.toPlainString() + " has more than " + COST_DECIMALS
                    + " decimals.");
        }
        return cost;
    }

    /** Checks that a row's currency is the file's: the first currency given in the file. A blank one means the file's. */
    private void checkCurrency(ImportRow row) {
        if (row.blank("currency")) {
            return;
        }
        String currency = row.value("currency").toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            issues.error(row, "currency", "Invalid currency '" + row.value("currency") + "': write a three-letter ISO"
                    + " 4217 code such as USD.");
        } else if (!currency.equals(fileCurrency)) {
            issues.error(row, "currency", "Currency " + currency + " differs from the file's currency " + fileCurrency
                    + " (line " + currencyLine + "); an import holds costs in one currency.");
        }
    }

    private String condition(ImportRow row) {
        String status = row.value("status").toLowerCase(Locale.ROOT);
        if (status.isEmpty()) {
            return "ok";
        }
        if (!CONDITION.matcher(status).matches()) {
            issues.error(row, "status", "Invalid status '" + row.value("status") + "': write a word of up to 30"
                    + " letters, digits, - or _, such as ok, attention, damaged, rejected or quarantined.");
        }
        return status;
    }

    private String lotCode(ImportRow row, Product product, BigDecimal quantity) {
        String lot = row.blank("lot") ? null : values.code(row, "lot");
        String serial = row.blank("serial") ? null : values.code(row, "serial");
        String sku = product.getSku();
        if (product.isSerialTracked()) {
            if (row.blank("serial")) {
                issues.error(row, "serial", "Product " + sku + " is tracked by serial number; give the serial number"
                        + " of the unit.");
            }
            if (quantity != null && quantity.compareTo(BigDecimal.ONE) != 0) {
                issues.error(row, "quantity", "A row of serial-tracked product " + sku + " is one unit, so its quantity"
                        + " must be 1; give each unit its own row.");
            }
            return serial;
        }
        if (!row.blank("serial") && !row.blank("lot")) {
            issues.error(row, "serial", "Product " + sku + " is tracked by lot and keeps no serial numbers; remove the"
                    + " serial or make the product serial-tracked.");
            return lot;
        }
        if (!row.blank("serial")) {
            issues.warning(row, "serial", "Product " + sku + " is tracked by lot, so serial " + serial + " is used as"
                    + " its lot code.");
            return serial;
        }
        return row.blank("lot") ? NewLot.ALL : lot;
    }
}
