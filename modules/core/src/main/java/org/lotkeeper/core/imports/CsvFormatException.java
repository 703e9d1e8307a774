package org.lotkeeper.core.imports;

import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/** Thrown when a file is not valid CSV; the message names the line where parsing stopped. */
public class CsvFormatException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public CsvFormatException(int line, String message) {
        super(ErrorCode.INVALID_INPUT, "body", "line " + line, "Malformed CSV on line " + line + ": " + message);
        this.line = line;
    }

    /** Returns the line number where parsing stopped, the first line being 1. */
    public int line() {
        return line;
    }
}
