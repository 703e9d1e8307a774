package org.lotkeeper.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One line as the user entered it. It names an existing lot by id or describes a new lot; the
 * quantity's sign is the type's business (a damage line may be entered as {@code 5} and proposed
 * as {@code -5}).
 *
 * @param index    position of the line in the request, starting at 0; problems refer to it
 * @param lotId    id of an existing lot, or {@code null} when {@code newLot} is given
 * @param newLot   the lot to create, or {@code null} when {@code lotId} is given
 * @param quantity quantity as entered, may be {@code null} for types that compute it
 * @param unitCost unit cost as entered, {@code null} when not given
 * @param fields   line fields by name
 * @since 1
 */
public record RequestLine(int index, Long lotId, NewLot newLot, BigDecimal quantity, BigDecimal unitCost,
                          Map<String, String> fields) {

    public RequestLine {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Returns a line field, or empty when it is absent or blank. */
    public Optional<String> field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Returns the field path of this line, for problems: {@code lines[2]}. */
    public String path() {
        return "lines[" + index + "]";
    }

    /** Returns the field path of one of this line's values: {@code lines[2].quantity}. */
    public String path(String field) {
        return path() + "." + field;
    }
}
