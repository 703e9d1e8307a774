package org.lotkeeper.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user asked for: a document of one type, its effective date, its document fields and its
 * lines. Values are already parsed; a type reads its own fields by the names it declared.
 *
 * @param typeId        id of the requested type
 * @param effectiveDate business date the document takes effect on (today unless backdated)
 * @param fields        document fields by name; absent or blank fields are missing
 * @param lines         request lines in the order the user entered them
 * @param settings      settings an admin stored for this type
 * @since 1
 */
public record AdjustmentRequest(String typeId, LocalDate effectiveDate, Map<String, String> fields,
                                List<RequestLine> lines, TypeSettings settings) {

    public AdjustmentRequest {
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        lines = lines == null ? List.of() : List.copyOf(lines);
        settings = settings == null ? TypeSettings.DEFAULTS : settings;
    }

    /** Returns a document field, or empty when it is absent or blank. */
    public Optional<String> field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
