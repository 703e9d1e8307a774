package org.lotkeeper.core.imports;

import java.util.List;

/**
 * The result of an import.
 *
 * @param kind        what the file contains
 * @param mode        how it was run
 * @param outcome     what the import did
 * @param rows        data rows in the file, blank lines not counted
 * @param accepted    rows without errors, including rows skipped because they exist already
 * @param rejected    rows with at least one error
 * @param warnings    warnings, in line order
 * @param errors      errors, in line order
 * @param documents   ids of the adjustment documents posted (opening stock only)
 * @param rejectedCsv in commit-valid mode the header and the rejected rows exactly as in the file,
 *                    else {@code null}
 */
public record ImportReport(ImportKind kind, ImportMode mode, ImportOutcome outcome, int rows, int accepted,
                           int rejected, List<ImportIssue> warnings, List<ImportIssue> errors, List<Long> documents,
                           String rejectedCsv) {

    public ImportReport {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        documents = List.copyOf(documents);
    }
}
