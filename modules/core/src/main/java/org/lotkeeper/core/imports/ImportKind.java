package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Content of an import file, with the columns its header line must name. */
public enum ImportKind {
    LOCATIONS("locations", "code", "name", "parent"),
    PRODUCTS("products", "sku", "name", "description", "category", "unit", "tracking", "assembly", "active"),
    BOMS("boms", "assembly_sku", "component_sku", "quantity_per_unit", "optional", "consumable"),
    OPENING_STOCK("opening-stock", "sku", "lot", "serial", "location", "quantity", "unit_cost", "currency", "status"),
    STOCKTAKE("stocktake", "sku", "lot", "location", "counted");

    private final String id;
    private final List<String> columns;

    ImportKind(String id, String... columns) {
        this.id = id;
        this.columns = List.of(columns);
    }

    /** Returns the kind as it appears in the API path, such as {@code opening-stock}. */
    public String id() {
        return id;
    }

    public List<String> columns() {
        return columns;
    }

    /** Returns the kind with this id, or empty when no kind has it. */
    public static Optional<ImportKind> parse(String id) {
        for (ImportKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Returns the ids of all kinds for a message, in declaration order: {@code locations, products or boms}. */
    public static String idList() {
        StringBuilder list = new StringBuilder();
        ImportKind[] kinds = values();
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                list.append(i == kinds.length - 1 ? " or " : ", ");
            }
            list.append(kinds[i].id);
        }
        return list.toString();
    }

    /**
     * Checks that the header names every column of this kind once and nothing else. The columns
     * may come in any order and are matched without regard to case or surrounding spaces.
     *
     * @throws CsvFormatException naming line 1 when a column is missing, unknown or repeated
     */
    void checkHeader(CsvRecord header) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header.fields()) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!columns.contains(column)) {
                problems.add("unknown column '" + name + "'");
            } else if (!seen.add(column)) {
                problems.add("column '" + column + "' appears twice");
            }
        }
        for (String column : columns) {
            if (!seen.contains(column)) {
                problems.add("column '" + column + "' is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvFormatException(1, "invalid header for a " + id + " import: " + String.join(", ", problems)
                    + ". The header must be: " + String.join(",", columns));
        }
    }
}
