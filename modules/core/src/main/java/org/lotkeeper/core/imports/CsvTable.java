package org.lotkeeper.core.imports;

import java.util.List;

/**
 * A parsed CSV file: the header record and the data records after it.
 *
 * @param header  the header record
 * @param records the data records in file order; blank lines are left out
 */
public record CsvTable(CsvRecord header, List<CsvRecord> records) {

    public CsvTable {
        records = List.copyOf(records);
    }
}
