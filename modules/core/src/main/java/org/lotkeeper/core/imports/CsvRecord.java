package org.lotkeeper.core.imports;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line   line number in the file where the record starts, the header being line 1
 * @param fields the field values, unquoted
 * @param text   the record exactly as it appeared in the file, without its line break
 */
public record CsvRecord(int line, List<String> fields, String text) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
