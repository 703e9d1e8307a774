package org.lotkeeper.core.imports;

import java.util.List;

/**
 * A file to import, after its CSV and header were read.
 *
 * @param rows        the data rows in file order
 * @param options     how to run the import
 * @param contentHash SHA-256 of the file's text in hexadecimal, which identifies a repeated file
 */
record ImportFile(List<ImportRow> rows, ImportOptions options, String contentHash) {

    ImportFile {
        rows = List.copyOf(rows);
    }
}
