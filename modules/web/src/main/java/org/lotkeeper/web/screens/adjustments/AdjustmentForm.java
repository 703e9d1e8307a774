package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Returns the command for the entered values.
     *
     * @throws BusinessException with one problem per input that cannot be read, such as a new
     *                           lot without a location or a date that is not a date
     */
    public AdjustmentCommand toCommand() {
        List<Problem> problems = new ArrayList<>();
        LocalDate date = date("effectiveDate", effectiveDate, problems);
        List<RequestLine> requestLines = new ArrayList<>();
        rowOfLine.clear();
        for (int row = 0; row < lines.size(); row++) {
            LineForm line = lines.get(row);
            if (line.isBlank()) {
                continue;
            }
            int index = requestLines.size();
            rowOfLine.add(row);
            requestLines.add(new RequestLine(index, line.getLotId(), newLot(line, "lines[" + index + "]", problems),
                    line.getQuantity(), line.getUnitCost(), texts(line.getFields())));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException(ErrorCode.INVALID_INPUT, problems.get(0).message(), problems);
        }
        return new AdjustmentCommand(typeId, date, texts(fields), requestLines);
    }

    private static NewLot newLot(LineForm line, String path, List<Problem> problems) {
        boolean described = !LineForm.isBlank(line.getNewLotProduct()) || !LineForm.isBlank(line.getNewLotCode())
                || !LineForm.isBlank(line.getNewLotLocation()) || !LineForm.isBlank(line.getNewLotExpiry());
        if (!described) {
            return null;
        }
        if (line.getLotId() != null) {
            problems.add(new Problem(path + ".lotId", line.getLotId().toString(),
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
