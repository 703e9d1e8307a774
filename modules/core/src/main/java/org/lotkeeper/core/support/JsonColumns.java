package org.lotkeeper.core.support;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Converts string maps to and from the JSON text stored in {@code *_json} columns. */
public final class JsonColumns {

    private JsonColumns() {
    }

    /** Returns the map as a JSON object with its keys sorted, so equal maps give equal text. */
    public static String write(Map<String, String> values) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        new TreeMap<>(values).forEach((key, value) -> {
            if (value == null) {
                builder.addNull(key);
            } else {
                builder.add(key, value);
            }
        });
        return builder.build().toString();
    }

    /** Reads a JSON object of strings; a blank column reads as an empty map. */
    public static Map<String, String> read(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> values.put(key, text(value)));
        }
        return values;
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            default -> value.toString();
        };
    }
}
