package org.lotkeeper.web.it;

import java.time.LocalDate;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Builds the JSON body of {@code POST /api/v1/adjustments}: a type, an optional effective date,
 * document fields and lines. Quantities are sent as text, so that {@code 0.100} keeps its
 * decimals.
 */
final class AdjustmentBody {

    private final String type;
    private LocalDate effectiveDate;
    private final JsonObjectBuilder fields = Json.createObjectBuilder();
    private final JsonArrayBuilder lines = Json.createArrayBuilder();

    private AdjustmentBody(String type) {
        this.type = type;
    }

    static AdjustmentBody of(String type) {
        return new AdjustmentBody(type);
    }

    /** Sets the effective date. Without this call the document takes effect today. */
    AdjustmentBody on(LocalDate date) {
        effectiveDate = date;
        return this;
    }

    AdjustmentBody field(String name, String value) {
        fields.add(name, value);
        return this;
    }

    /**
     * Adds a line on an existing lot.
     *
     * @param quantity    the quantity as entered, or {@code null} for types that take none
     * @param fieldValues line fields as name and value pairs, such as {@code "reason", "BROKEN"}
     */
    AdjustmentBody line(long lotId, String quantity, String... fieldValues) {
        JsonObjectBuilder line = Json.createObjectBuilder().add("lotId", lotId);
        if (quantity != null) {
            line.add("quantity", quantity);
        }
        return line(line, fieldValues);
    }

    /** Adds a line built by the caller, with line fields as name and value pairs. */
    AdjustmentBody line(JsonObjectBuilder line, String... fieldValues) {
        if (fieldValues.length % 2 != 0) {
            throw new IllegalArgumentException("Line fields come in name and value pairs: " + fieldValues.length);
        }
        JsonObjectBuilder lineFields = Json.createObjectBuilder();
        for (int i = 0; i < fieldValues.length; i += 2) {
            lineFields.add(fieldValues[i], fieldValues[i + 1]);
        }
        lines.add(line.add("fields", lineFields));
        return this;
    }

    /** Returns the body of a request that creates and posts the document. */
    String posted() {
        return build(true);
    }

    /** Returns the body of a request that only creates a draft. */
    String draft() {
        return build(false);
    }

    private String build(boolean post) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("type", type).add("post", post);
        if (effectiveDate != null) {
            body.add("effectiveDate", effectiveDate.toString());
        }
        return body.add("fields", fields).add("lines", lines).build().toString();
    }
}
