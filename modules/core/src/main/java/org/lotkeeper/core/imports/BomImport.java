package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.support.BusinessException;

/**
 * Imports bill-of-materials lines from {@code assembly_sku,component_sku,quantity_per_unit,optional,
 * consumable}. Both products must exist, so products are imported first. The quantity per unit
 * may have as many decimals as the component's unit allows. A line that exists already with the
 * same values is skipped with a warning, and with other values it is an error, because an
 * import never changes existing lines. An assembly not yet marked as one is marked, with a warning.
 */
@ApplicationScoped
class BomImport implements Importer<List<BomImport.NewBomLine>> {

    /** A bill-of-materials line to add. */
    record NewBomLine(ImportRow row, String assemblySku, String componentSku, BigDecimal quantityPerUnit,
                      boolean optional, boolean consumable) {
    }

    @Inject
    ImportLookups lookups;

    @Inject
    CatalogService catalog;

    @Override
    public List<NewBomLine> check(ImportFile file, ImportIssues issues) {
        List<ImportRow> rows = file.rows();
        Set<String> skus = new HashSet<>();
        rows.forEach(row -> {
            skus.add(row.value("assembly_sku"));
            skus.add(row.value("component_sku"));
        });
        Map<String, Product> products = lookups.products(skus);
        Map<List<String>, ImportLookups.ExistingBomLine> existing =
                lookups.bomLines(rows.stream().map(row -> row.value("assembly_sku")).toList());
        ImportValues values = new ImportValues(issues);

        List<NewBomLine> plan = new ArrayList<>();
        Map<List<String>, Integer> firstLine = new HashMap<>();
        Set<String> warnedAssemblies = new HashSet<>();
        for (ImportRow row : rows) {
            NewBomLine line = read(row, products, values, issues);
            if (line == null) {
                continue;
            }
            List<String> pair = List.of(line.assemblySku(), line.componentSku());
            if (firstLine.putIfAbsent(pair, row.line()) != null) {
                issues.error(row, "component_sku", "Component " + line.componentSku() + " of " + line.assemblySku()
                        + " appears again; it was first given on line " + firstLine.get(pair) + ".");
                continue;
            }
            ImportLookups.ExistingBomLine known = existing.get(pair);
            if (known == null) {
                plan.add(line);
                if (!products.get(line.assemblySku()).isAssembly() && warnedAssemblies.add(line.assemblySku())) {
                    issues.warning(row, "assembly_sku", "Product " + line.assemblySku() + " is not marked as an"
                            + " assembly; adding a bill of materials marks it as one.");
                }
            } else if (same(known, line)) {
                issues.warning(row, "component_sku", "This bill-of-materials line already exists with the same values;"
                        + " the row is skipped.");
            } else {
                issues.error(row, "component_sku", "Component " + line.componentSku() + " of " + line.assemblySku()
                        + " already exists with quantity per unit " + known.quantityPerUnit().stripTrailingZeros()
                        .toPlainString() + ", optional " + yesNo(known.optional()) + ", consumable "
                        + yesNo(known.consumable()) + "; an import does not change existing lines.");
            }
        }
        return plan;
    }

    private static NewBomLine read(ImportRow row, Map<String, Product> products, ImportValues values,
                                   ImportIssues issues) {
        String assemblySku = values.code(row, "assembly_sku");
        String componentSku = values.code(row, "component_sku");
        Product assembly = assemblySku == null ? null : products.get(assemblySku);
        Product component = componentSku == null ? null : products.get(componentSku);
        if (assemblySku != null && assembly == null) {
            issues.error(row, "assembly_sku", "Product " + assemblySku + " does not exist; import it first.");
        }
        if (componentSku != null && component == null) {
            issues.error(row, "component_sku", "Product " + componentSku + " does not exist; import it first.");
        }
        if (assemblySku != null && assemblySku.equals(componentSku)) {
            issues.error(row, "component_sku", "A product cannot be a component of itself.");
        }
        BigDecimal quantity = values.number(row, "quantity_per_unit", false);
        if (quantity != null && component != null && quantity.scale() > component.getDecimals()) {
            issues.error(row, "quantity_per_unit", "Quantity per unit " + quantity.toPlainString() + " has too many"
                    + " decimals: component " + componentSku + " is counted in " + component.getUnit() + ", which"
                    + " allows " + component.getDecimals() + ".");
        }
        boolean optional = values.flag(row, "optional", false);
        boolean consumable = values.flag(row, "consumable", false);
        if (issues.rejected(row)) {
            return null;
        }
        return new NewBomLine(row, assemblySku, componentSku, quantity, optional, consumable);
    }

    private static boolean same(ImportLookups.ExistingBomLine known, NewBomLine line) {
        return known.quantityPerUnit().compareTo(line.quantityPerUnit()) == 0 && known.optional() == line.optional()
                && known.consumable() == line.consumable();
    }

    private static String yesNo(boolean flag) {
        return flag ? "yes" : "no";
    }

    @Override
    public boolean changesAnything(List<NewBomLine> plan) {
        return !plan.isEmpty();
    }

    @Override
    @Transactional
    public List<Long> apply(List<NewBomLine> plan) {
        for (NewBomLine line : plan) {
            try {
                catalog.setBomLine(line.assemblySku(), line.componentSku(), line.quantityPerUnit(), line.optional(),
                        line.consumable());
            } catch (BusinessException e) {
                throw ImportApplyException.atRow(line.row(), e);
            }
        }
        return List.of();
    }
}
