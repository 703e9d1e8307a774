package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.catalog.CatalogService;
import org.lotkeeper.core.support.BusinessException;

/**
 * Imports locations from {@code code,name,parent}. A parent may come later in the file than its
 * children, so locations are created parents first. A code that exists already with the same
 * name and parent is skipped with a warning. With another name or parent it is an error, because
 * an import only adds locations and never changes them.
 */
@ApplicationScoped
class LocationImport implements Importer<List<LocationImport.NewLocation>> {

    /** A location to create, in an order where every parent exists before its children. */
    record NewLocation(ImportRow row, String code, String name, String parent) {
    }

    @Inject
    ImportLookups lookups;

    @Inject
    CatalogService catalog;

    @Override
    public List<NewLocation> check(ImportFile file, ImportIssues issues) {
        List<ImportRow> rows = file.rows();
        Map<String, ImportLookups.ExistingLocation> existing = lookups.locations();
        ImportValues values = new ImportValues(issues);

        Map<String, NewLocation> pending = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportRow row : rows) {
            String code = values.code(row, "code");
            String name = values.text(row, "name", 200);
            String parent = row.blank("parent") ? null : values.code(row, "parent");
            if (issues.rejected(row)) {
                continue;
            }
            if (firstLine.putIfAbsent(code, row.line()) != null) {
                issues.error(row, "code", "Location " + code + " appears again; it was first given on line "
                        + firstLine.get(code) + ".");
                continue;
            }
            if (code.equals(parent)) {
                issues.error(row, "parent", "Location " + code + " cannot be its own parent.");
                continue;
            }
            String effectiveName = name.isEmpty() ? code : name;
            ImportLookups.ExistingLocation known = existing.get(code);
            if (known == null) {
                pending.put(code, new NewLocation(row, code, effectiveName, parent));
            } else if (known.name().equals(effectiveName) && Objects.equals(known.parent(), parent)) {
                issues.warning(row, "code", "Location " + code + " already exists with the same name and parent;"
                        + " the row is skipped.");
            } else {
                issues.error(row, "code", "Location " + code + " already exists as '" + known.name() + "' with parent "
                        + (known.parent() == null ? "none" : known.parent()) + "; an import does not change existing"
                        + " locations, so correct the row or change the location in the application.");
            }
        }
        return parentsFirst(pending, existing.keySet(), firstLine, issues);
    }

    /** Orders the new locations so that every parent comes first, rejecting those whose parent cannot be created. */
    private static List<NewLocation> parentsFirst(Map<String, NewLocation> pending, Set<String> existing,
                                                  Map<String, Integer> lineOfCode, ImportIssues issues) {
        Set<String> available = new HashSet<>(existing);
        List<NewLocation> ordered = new ArrayList<>();
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
                NewLocation location = iterator.next();
                if (location.parent() == null || available.contains(location.parent())) {
                    ordered.add(location);
                    available.add(location.code());
                    iterator.remove();
                    progress = true;
                }
            }
        }

        for (NewLocation location : pending.values()) {
            Integer parentLine = lineOfCode.get(location.parent());
            String reason = parentLine == null
                    ? "parent location " + location.parent() + " does not exist and is not in the file."
                    : "parent location " + location.parent() + " (line " + parentLine + ") is rejected or is part of"
                    + " a cycle of parents.";
            issues.error(location.row(), "parent", "Location " + location.code() + " cannot be created: " + reason);
        }
        return ordered;
    }

    @Override
    public boolean changesAnything(List<NewLocation> plan) {
        return !plan.isEmpty();
    }

    @Override
    @Transactional
    public List<Long> apply(List<NewLocation> plan) {
        for (NewLocation location : plan) {
            try {
                catalog.createLocation(location.code(), location.name(), location.parent());
            } catch (BusinessException e) {
                throw ImportApplyException.atRow(location.row(), e);
            }
        }
        return List.of();
    }
}
