package org.lotkeeper.core.imports;

/**
 * An error or warning about one row of an imported file, or about the file as a whole.
 *
 * @param line    line number where the row starts, the header being line 1, or {@code null} for the
 *                whole file
 * @param column  the column the issue is about, or {@code null} for the whole row
 * @param value   the value found, or {@code null}
 * @param message what is wrong or what the import did, and what to do about it
 */
public record ImportIssue(Integer line, String column, String value, String message) {
}
