package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.core.adjustments.AdjustmentCommand;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * What the user entered on the new-adjustment form, and its translation into the same
 * {@link AdjustmentCommand} the REST API builds. Rows left blank are not sent. Problems found
 * here use the field paths of the API, so one mapping puts every message next to its input.
 */
public class AdjustmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String typeId;
    private String effectiveDate;
    private final HashMap<String, Object> fields = new HashMap<>();
    private final ArrayList<LineForm> lines = new ArrayList<>();
    private final ArrayList<Integer> rowOfLine = new ArrayList<>();
    private AdjustmentCommand readablePart;

    public AdjustmentForm(String typeId) {
        this.typeId = typeId;
        lines.add(new LineForm());
    }

    public String getTypeId() {
        return typeId;
    }

    /** Returns the effective date as entered, in ISO format, or {@code null} for today. */
    public String getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(String effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    /** Returns the document field values by field name. */
    public Map<String, Object> getFields() {
        return fields;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    /** Returns the table row of each request line of the last {@link #toCommand()}. */
    List<Integer> rowOfLine() {
        return rowOfLine;
    }

    /**
     * Returns the command of the rows whose numbers could be read, when the last
     * {@link #toCommand()} rejected other rows only for numbers it could not read; else {@code null}.
     */
    AdjustmentCommand readablePart() {
        return readablePart;
    }

    /**
     * Returns the command for the entered values.
     *
     * @throws BusinessException with one problem per input that cannot be read, such as a new
     *                           lot without a location, a date that is not a date or a quantity
     *                           that is not a number
     */
    public AdjustmentCommand toCommand() {
        List<Problem> problems = new ArrayList<>();
        LocalDate date = date("effectiveDate", effectiveDate, problems);
        List<RequestLine> requestLines = new ArrayList<>();
        List<Problem> unreadableNumbers = new ArrayList<>();
        rowOfLine.clear();
        readablePart = null;
        for (int row = 0; row < lines.size(); row++) {
            LineForm line = lines.get(row);
            if (line.isBlank()) {
                continue;
            }
            // A row with a number that cannot be read is left out, so that the other rows can
            // still be checked. Its problems name the table row, because it has no request line.
            int unreadableBefore = unreadableNumbers.size();
            Long lotId = number(row, "lotId", line.getLotId(), Long::valueOf, "Enter a lot id, a whole number.",
                    unreadableNumbers);
            BigDecimal quantity = number(row, "quantity", line.getQuantity(), BigDecimal::new,
                    "Enter the quantity as a number, such as 5 or 2.5.", unreadableNumbers);
            BigDecimal unitCost = number(row, "unitCost", line.getUnitCost(), BigDecimal::new,
                    "Enter the unit cost as a number, such as 2.50.", unreadableNumbers);
            if (unreadableNumbers.size() > unreadableBefore) {
                continue;
            }
            int index = requestLines.size();
            rowOfLine.add(row);
            requestLines.add(new RequestLine(index, lotId, newLot(line, lotId, "lines[" + index + "]", problems),
                    quantity, unitCost, texts(line.getFields())));
        }
        if (problems.isEmpty() && !unreadableNumbers.isEmpty() && !requestLines.isEmpty()) {
            readablePart = new AdjustmentCommand(typeId, date, texts(fields), requestLines);
        }
        problems.addAll(unreadableNumbers);
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.INVALID_INPUT, problems.get(0).message(), problems);
        }
        return new AdjustmentCommand(typeId, date, texts(fields), requestLines);
    }

    /**
     * Reads a number typed in a row, or adds a problem on {@link FormIds#rowPath} and returns
     * {@code null} when the text is no number.
     */
    private static <T> T number(int row, String input, String text, Function<String, T> parser, String message,
                                List<Problem> problems) {
        if (LineForm.isBlank(text)) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(FormIds.rowPath(row, input), text, message));
            return null;
        }
    }

    private static NewLot newLot(LineForm line, Long lotId, String path, List<Problem> problems) {
        boolean described = !LineForm.isBlank(line.getNewLotProduct()) || !LineForm.isBlank(line.getNewLotCode())
                || !LineForm.isBlank(line.getNewLotLocation()) || !LineForm.isBlank(line.getNewLotExpiry());
        if (!described) {
            return null;
        }
        if (lotId != null) {
            problems.add(new Problem(path + ".lotId", lotId.toString(),
                    "Give either an existing lot id or a new lot, not both."));
        }
        if (LineForm.isBlank(line.getNewLotProduct())) {
            problems.add(new Problem(path + ".newLot.productSku", null, "Enter the product sku of the new lot."));
        }
        if (LineForm.isBlank(line.getNewLotLocation())) {
            problems.add(new Problem(path + ".newLot.locationCode", null, "Enter the location code of the new lot."));
        }
        LocalDate expiry = date(path + ".newLot.expiry", line.getNewLotExpiry(), problems);
        if (LineForm.isBlank(line.getNewLotProduct()) || LineForm.isBlank(line.getNewLotLocation())) {
            return null;
        }
        String code = LineForm.isBlank(line.getNewLotCode()) ? NewLot.ALL : line.getNewLotCode().strip();
        return new NewLot(line.getNewLotProduct().strip(), code, line.getNewLotLocation().strip(), expiry, null);
    }

    private static LocalDate date(String path, String text, List<Problem> problems) {
        if (LineForm.isBlank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, text, "Enter a date such as 2025-03-31."));
            return null;
        }
    }

    /** Returns the non-blank values as text: a checkbox gives {@code true} or {@code false}. */
    private static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                texts.put(name, value.toString().strip());
            }
        });
        return texts;
    }
}
