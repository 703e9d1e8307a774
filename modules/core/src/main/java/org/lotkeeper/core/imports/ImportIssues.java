package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the errors and warnings of one import, and which rows the errors reject. */
final class ImportIssues {

    private static final Comparator<ImportIssue> BY_LINE = Comparator.comparing(ImportIssue::line,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<ImportIssue> errors = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();
    private final Set<Integer> rejectedLines = new HashSet<>();

    /** Records an error about a column of a row, with the row's value in that column. */
    void error(ImportRow row, String column, String message) {
        error(row, column, row.value(column), message);
    }

    void error(ImportRow row, String column, String value, String message) {
        errors.add(new ImportIssue(row.line(), column, emptyToNull(value), message));
        rejectedLines.add(row.line());
    }

    /** Records an error found while applying the file; it rejects the whole file. */
    void error(ImportIssue issue) {
        errors.add(issue);
        if (issue.line() != null) {
            rejectedLines.add(issue.line());
        }
    }

    void warning(ImportRow row, String column, String message) {
        warnings.add(new ImportIssue(row.line(), column, emptyToNull(row.value(column)), message));
    }

    void warning(Integer line, String column, String value, String message) {
        warnings.add(new ImportIssue(line, column, emptyToNull(value), message));
    }

    boolean rejected(ImportRow row) {
        return rejectedLines.contains(row.line());
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int rejectedCount() {
        return rejectedLines.size();
    }

    List<ImportIssue> errors() {
        return errors.stream().sorted(BY_LINE).toList();
    }

    List<ImportIssue> warnings() {
        return warnings.stream().sorted(BY_LINE).toList();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
