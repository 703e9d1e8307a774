package org.lotkeeper.core.imports;

import java.util.Map;

/** One data row of an imported file, read by column name. */
final class ImportRow {

    private final CsvRecord record;
    private final Map<String, Integer> columns;

    ImportRow(CsvRecord record, Map<String, Integer> columns) {
        this.record = record;
        this.columns = columns;
    }

    int line() {
        return record.line();
    }

    CsvRecord record() {
        return record;
    }

    /** Returns the value of a column without surrounding spaces, or an empty string when it is blank. */
    String value(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.fields().size()) {
            return "";
        }
        return record.fields().get(index).strip();
    }

    boolean blank(String column) {
        return value(column).isEmpty();
    }
}
