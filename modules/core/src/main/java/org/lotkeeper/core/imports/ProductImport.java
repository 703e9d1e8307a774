package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.support.BusinessException;

/**
 * Imports products from {@code sku,name,description,category,unit,tracking,assembly,active}. The
 * unit fixes the decimals a quantity may have (pcs 0; kg, m, l 3). A sku that exists already
 * with the same values is skipped with a warning. With other values it is an error, because an
 * import only adds products and never changes them.
 */
@ApplicationScoped
class ProductImport implements Importer<List<ProductImport.NewProduct>> {

    /** A product to create. */
    record NewProduct(ImportRow row, String sku, String name, String description, String category, String unit,
                      int decimals, ProductInfo.Tracking tracking, boolean assembly, boolean active) {
    }

    @Inject
    ImportLookups lookups;

    @Inject
    CatalogService catalog;

    @Override
    public List<NewProduct> check(ImportFile file, ImportIssues issues) {
        List<ImportRow> rows = file.rows();
        Map<String, Product> existing = lookups.products(rows.stream().map(row -> row.value("sku")).toList());
        ImportValues values = new ImportValues(issues);

        List<NewProduct> plan = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportRow row : rows) {
            NewProduct product = read(row, values, issues);
            if (product == null || issues.rejected(row)) {
                continue;
            }
            if (firstLine.putIfAbsent(product.sku(), row.line()) != null) {
                issues.error(row, "sku", "Product " + product.sku() + " appears again; it was first given on line "
                        + firstLine.get(product.sku()) + ".");
                continue;
            }
            Product known = existing.get(product.sku());
            if (known == null) {
                plan.add(product);
                continue;
            }
            List<String> differences = differences(known, product);
            if (differences.isEmpty()) {
                issues.warning(row, "sku", "Product " + product.sku() + " already exists with the same values; the row"
                        + " is skipped.");
            } else {
                issues.error(row, "sku", "Product " + product.sku() + " already exists with a different "
                        + String.join(", ", differences) + "; an import does not change existing products, so correct"
                        + " the row or change the product in the application.");
            }
        }
        return plan;
    }

    private static NewProduct read(ImportRow row, ImportValues values, ImportIssues issues) {
        String sku = values.code(row, "sku");
        String name = values.text(row, "name", 200);
        if (name != null && name.isEmpty()) {
            issues.error(row, "name", "The name is missing.");
        }
        String description = values.text(row, "description", 1000);
        String category = values.text(row, "category", 300);
        String unit = row.value("unit").toLowerCase(Locale.ROOT);
        int decimals = 0;
        try {
            decimals = CatalogService.decimalsFor(unit, null);
        } catch (BusinessException e) {
            issues.error(row, "unit", "Invalid unit '" + row.value("unit") + "': " + e.getMessage());
        }
        ProductInfo.Tracking tracking = switch (row.value("tracking").toLowerCase(Locale.ROOT)) {
            case "", "lot" -> ProductInfo.Tracking.LOT;
            case "serial" -> ProductInfo.Tracking.SERIAL;
            default -> {
                issues.error(row, "tracking", "Invalid tracking '" + row.value("tracking") + "': write lot or serial.");
                yield null;
            }
        };
        boolean assembly = values.flag(row, "assembly", false);
        boolean active = values.flag(row, "active", true);
        if (issues.rejected(row)) {
            return null;
        }
        return new NewProduct(row, sku, name, blankToNull(description), blankToNull(category), unit, decimals,
                tracking, assembly, active);
    }

    private static List<String> differences(Product known, NewProduct row) {
        List<String> differences = new ArrayList<>();
        compare(differences, "name", known.getName(), row.name());
        compare(differences, "description", known.getDescription(), row.description());
        compare(differences, "category", known.getCategory(), row.category());
        compare(differences, "unit", known.getUnit(), row.unit());
        compare(differences, "decimals", known.getDecimals(), row.decimals());
        compare(differences, "tracking", known.getTracking(), row.tracking());
        compare(differences, "assembly", known.isAssembly(), row.assembly());
        compare(differences, "active", known.isActive(), row.active());
        return differences;
    }

    private static void compare(List<String> differences, String column, Object stored, Object imported) {
        if (!Objects.equals(stored, imported)) {
            differences.add(column + " (stored: " + stored + ", file: " + imported + ")");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public boolean changesAnything(List<NewProduct> plan) {
        return !plan.isEmpty();
    }

    @Override
    @Transactional
    public List<Long> apply(List<NewProduct> plan) {
        for (NewProduct row : plan) {
            try {
                Product product = catalog.createProduct(row.sku(), row.name(), row.unit(), row.decimals(),
                        row.tracking(), row.assembly());
                product.setDescription(row.description());
                product.setCategory(row.category());
                product.setActive(row.active());
            } catch (BusinessException e) {
                throw ImportApplyException.atRow(row.row(), e);
            }
        }
        return List.of();
    }
}
