package org.lotkeeper.web.screens.adjustments;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client ids of the inputs of the new-adjustment form, and the mapping from the field paths that
 * rejections name (such as {@code lines[0].quantity} or {@code fields.reason}) to those ids.
 */
final class FormIds {

    static final String FORM = "adjustment";
    static final String LINES_TABLE = "lines";
    static final String DOCUMENT_FIELD_PREFIX = "df_";
    static final String LINE_FIELD_PREFIX = "lf_";

    private static final Pattern LINE_PATH = Pattern.compile("lines\\[(\\d+)](?:\\.(.+))?");
    private static final Pattern ROW_PATH = Pattern.compile("rows\\[(\\d+)]\\.(.+)");

    private FormIds() {
    }

    /**
     * Returns the client id of the input for a field path, or {@code null} when the path names no
     * single input.
     *
     * @param rowOfLine the table row of each request line; blank rows are not sent, so request
     *                  line 1 may be row 2
     */
    static String clientIdOf(String path, List<Integer> rowOfLine) {
        if (path == null) {
            return null;
        }
        if (path.equals("effectiveDate")) {
            return FORM + ":effectiveDate";
        }
        if (path.startsWith("fields.")) {
            return FORM + ":" + DOCUMENT_FIELD_PREFIX + path.substring("fields.".length());
        }
        Matcher row = ROW_PATH.matcher(path);
        if (row.matches()) {
            String input = inputOf(row.group(2));
            return input == null ? null : FORM + ":" + LINES_TABLE + ":" + row.group(1) + ":" + input;
        }
        Matcher line = LINE_PATH.matcher(path);
        if (!line.matches()) {
            return null;
        }
        int index = Integer.parseInt(line.group(1));
        if (index >= rowOfLine.size()) {
            return null;
        }
        String input = inputOf(line.group(2));
        return input == null ? null : FORM + ":" + LINES_TABLE + ":" + rowOfLine.get(index) + ":" + input;
    }

    /**
     * Returns the path of an input in a table row, such as {@code rows[2].quantity}, for a row
     * that is not sent as a request line because one of its values cannot be read.
     */
    static String rowPath(int row, String input) {
        return "rows[" + row + "]." + input;
    }

    private static String inputOf(String rest) {
        if (rest == null) {
            return "lotId";
        }
        if (rest.startsWith("fields.")) {
            return LINE_FIELD_PREFIX + rest.substring("fields.".length());
        }
        return switch (rest) {
            case "lotId" -> "lotId";
            case "quantity" -> "quantity";
            case "unitCost" -> "unitCost";
            case "newLot", "newLot.code" -> "newLotCode";
            case "newLot.productSku" -> "newLotProduct";
            case "newLot.locationCode" -> "newLotLocation";
            case "newLot.expiry" -> "newLotExpiry";
            default -> null;
        };
    }
}
