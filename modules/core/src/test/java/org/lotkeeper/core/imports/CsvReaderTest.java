package org.lotkeeper.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plainRecordsWithLineNumbers() {
        CsvTable table = CsvReader.read("a,b,c\n1,2,3\n4,,6\n");

        assertEquals(List.of("a", "b", "c"), table.header().fields());
        assertEquals(2, table.records().size());
        assertEquals(List.of("1", "2", "3"), table.records().get(0).fields());
        assertEquals(2, table.records().get(0).line(), "the header is line 1");
        assertEquals(List.of("4", "", "6"), table.records().get(1).fields());
        assertEquals(3, table.records().get(1).line());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        CsvTable table = CsvReader.read("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\nlast,y");

        assertEquals(List.of("Smith, J", "said \"hi\""), table.records().get(0).fields());
        assertEquals(List.of("two\r\nlines", "x"), table.records().get(1).fields());
        assertEquals(3, table.records().get(1).line());
        assertEquals(5, table.records().get(2).line(), "the record after a two-line field starts on line 5");
        assertEquals(List.of("last", "y"), table.records().get(2).fields(), "no line break after the last record");
    }

    @Test
    void recordTextIsKeptUnchanged() {
        CsvTable table = CsvReader.read("a,b\r\n\"x,1\",\"y\"\"\"\r\n");

        assertEquals("a,b", table.header().text());
        assertEquals("\"x,1\",\"y\"\"\"", table.records().get(0).text());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        CsvTable table = CsvReader.read("\uFEFFsku,name\nA,B\n");

        assertEquals("sku", table.header().fields().get(0));
    }

    @Test
    void blankLinesAreIgnoredButCounted() {
        CsvTable table = CsvReader.read("a\n\n1\n\n\n2\n");

        assertEquals(2, table.records().size());
        assertEquals(3, table.records().get(0).line());
        assertEquals(6, table.records().get(1).line());
    }

    @Test
    void emptyQuotedFieldIsARecord() {
        CsvTable table = CsvReader.read("a\n\"\"\n");

        assertEquals(1, table.records().size());
        assertEquals(List.of(""), table.records().get(0).fields());
    }

    @Test
    void trailingCommaGivesEmptyLastField() {
        CsvTable table = CsvReader.read("a,b\n1,");

        assertEquals(List.of("1", ""), table.records().get(0).fields());
    }

    @Test
    void bareCarriageReturnEndsRecord() {
        CsvTable table = CsvReader.read("a\r1\r2");

        assertEquals(3, table.records().get(1).line());
    }

    @Test
    void unclosedQuoteNamesItsLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read("a,b\n1,2\n3,\"open\nstill open\n"));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void textAfterClosingQuoteIsRejected() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read("a,b\n\"x\"y,2\n"));

        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("closing quote"), e.getMessage());
    }

    @Test
    void quoteInsidePlainFieldIsRejected() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read("a\nok\n5\"\n"));

        assertEquals(3, e.line());
    }

    @Test
    void emptyFileIsRejected() {
        CsvFormatException onlyBom = assertThrows(CsvFormatException.class, () -> CsvReader.read("\uFEFF"));
        assertEquals(1, onlyBom.line());

        assertThrows(CsvFormatException.class, () -> CsvReader.read("\n\n"));
        assertThrows(CsvFormatException.class, () -> CsvReader.read(null));
    }
}
