package org.lotkeeper.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeSettings;

/**
 * Builds {@link AdjustmentRequest}s for tests.
 *
 * <pre>{@code
 * AdjustmentRequest request = Requests.of("damage", date)
 *         .line(lotId, "5", Map.of("reason", "BROKEN"))
 *         .build();
 * }</pre>
 */
public final class Requests {

    private final String typeId;
    private final LocalDate date;
    private final Map<String, String> fields = new HashMap<>();
    private final List<RequestLine> lines = new ArrayList<>();
    private TypeSettings settings = TypeSettings.DEFAULTS;

    private Requests(String typeId, LocalDate date) {
        this.typeId = typeId;
        this.date = date;
    }

    /** Starts a request of the given type, effective on {@code date}. */
    public static Requests of(String typeId, LocalDate date) {
        return new Requests(typeId, date);
    }

    /** Sets a document field. */
    public Requests field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** Sets the type's settings. */
    public Requests settings(TypeSettings value) {
        settings = value;
        return this;
    }

    /** Adds a line on an existing lot. */
    public Requests line(long lotId, String quantity, Map<String, String> lineFields) {
        lines.add(new RequestLine(lines.size(), lotId, null, decimal(quantity), null, lineFields));
        return this;
    }

    /** Adds a line that creates (or names) a lot, with a unit cost. */
    public Requests newLotLine(NewLot lot, String quantity, String unitCost, Map<String, String> lineFields) {
        lines.add(new RequestLine(lines.size(), null, lot, decimal(quantity), decimal(unitCost), lineFields));
        return this;
    }

    /** Adds a line exactly as given. */
    public Requests line(RequestLine line) {
        lines.add(line);
        return this;
    }

    /** Returns the request. */
    public AdjustmentRequest build() {
        return new AdjustmentRequest(typeId, date, fields, lines, settings);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
