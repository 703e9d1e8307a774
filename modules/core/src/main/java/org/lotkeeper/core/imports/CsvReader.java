package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 defines it. Fields are separated by commas and records by CRLF, and
 * a bare LF or CR is accepted too. A field that contains a comma, a quote or a line break is
 * enclosed in double quotes, with each quote inside written twice. A leading byte order mark is
 * skipped and blank lines are ignored. A quote inside an unquoted field, text after a closing
 * quote and a quoted field that never closes are rejected with the line number.
 */
public final class CsvReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    private int position;
    private int line = 1;

    private CsvReader(String text) {
        this.text = text;
        this.position = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    /** Parses {@code text}. The first non-blank record is the header. */
    public static CsvTable read(String text) {
        CsvReader reader = new CsvReader(text == null ? "" : text);
        List<CsvRecord> records = reader.records();
        if (records.isEmpty()) {
            throw new CsvFormatException(1, "the file is empty, but its first line must be the header.");
        }
        return new CsvTable(records.get(0), records.subList(1, records.size()));
    }

    private List<CsvRecord> records() {
        List<CsvRecord> records = new ArrayList<>();
        while (position < text.length()) {
            CsvRecord record = record();
            boolean blank = record.fields().size() == 1 && record.text().isEmpty();
            if (!blank) {
                records.add(record);
            }
        }
        return records;
    }

    /** Reads one record and the line break after it. */
    private CsvRecord record() {
        int start = position;
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(atQuote() ? quotedField() : plainField());
            if (position >= text.length()) {
                return new CsvRecord(startLine, fields, text.substring(start));
            }
            char next = text.charAt(position);
            if (next == ',') {
                position++;
                continue;
            }
            int end = position;
            skipLineBreak();
            return new CsvRecord(startLine, fields, text.substring(start, end));
        }
    }

    private boolean atQuote() {
        return position < text.length() && text.charAt(position) == '"';
    }

    private String plainField() {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                throw new CsvFormatException(line, "a field without enclosing quotes contains a quote; enclose the"
                        + " field in double quotes and write the quote inside it twice.");
            }
            position++;
        }
        return text.substring(start, position);
    }

    private String quotedField() {
        int openedOn = line;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    value.append('"');
                    position += 2;
                    continue;
                }
                position++;
                checkAfterClosingQuote();
                return value.toString();
            }
            if (c == '\r' || c == '\n') {
                int before = position;
                skipLineBreak();
                value.append(text, before, position);
                continue;
            }
            value.append(c);
            position++;
        }
        throw new CsvFormatException(openedOn, "a quoted field opened on this line is never closed; add the"
                + " closing double quote.");
    }

    private void checkAfterClosingQuote() {
        if (position < text.length()) {
            char c = text.charAt(position);
            if (c != ',' && c != '\r' && c != '\n') {
                throw new CsvFormatException(line, "text follows the closing quote of a field; a quoted field must"
                        + " end at a comma or at the end of the line.");
            }
        }
    }

    /** Skips one CRLF, LF or CR and counts the line. */
    private void skipLineBreak() {
        if (text.charAt(position) == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
            position++;
        }
        position++;
        line++;
    }
}
