package org.lotkeeper.core.imports;

import java.util.Objects;

/**
 * How to run an import.
 *
 * @param mode            dry run, all-or-nothing commit, or commit of the valid rows
 * @param defaultLocation code of the location for opening-stock rows without one, or {@code null}
 *                        to reject such rows; it must exist
 * @param costPolicy      what opening-stock rows without a unit cost get
 */
public record ImportOptions(ImportMode mode, String defaultLocation, CostPolicy costPolicy) {

    public ImportOptions {
        Objects.requireNonNull(mode, "mode");
        defaultLocation = defaultLocation == null || defaultLocation.isBlank() ? null : defaultLocation.strip();
        costPolicy = costPolicy == null ? CostPolicy.REJECT : costPolicy;
    }
}
