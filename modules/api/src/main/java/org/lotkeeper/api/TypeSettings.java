package org.lotkeeper.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that an admin stored for a type. The core enforces approval and the backdating
 * window; a type reads the reason codes and its own properties.
 *
 * @param reasonCodes allowed reason codes; empty means the type's own defaults apply
 * @param properties  type-specific configuration properties
 * @since 1
 */
public record TypeSettings(List<String> reasonCodes, Map<String, String> properties) {

    /** Settings of a type nobody has configured. */
    public static final TypeSettings DEFAULTS = new TypeSettings(List.of(), Map.of());

    public TypeSettings {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** Returns a configuration property, or empty when it is not set. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).filter(value -> !value.isBlank());
    }
}
