package org.lotkeeper.web.screens.imports;

import java.io.Serializable;

import org.lotkeeper.core.imports.ImportIssue;

/**
 * An error or warning of an import report, as the report table shows it.
 *
 * @param severity {@code error} or {@code warning}
 * @param line     file line, the header being line 1, or {@code null} for the whole file
 * @param column   column name, or {@code null} for the whole row
 * @param value    the value found, or {@code null}
 * @param message  what is wrong and what to do
 */
public record IssueRow(String severity, Integer line, String column, String value, String message)
        implements Serializable {

    static IssueRow of(String severity, ImportIssue issue) {
        return new IssueRow(severity, issue.line(), issue.column(), issue.value(), issue.message());
    }
}
