package org.lotkeeper.web.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.lotkeeper.api.Problem;

/**
 * Reads typed values out of a JSON object and collects a problem for every value that is
 * missing, of the wrong type or out of range, so one response lists them all.
 */
final class JsonInput {

    /** Largest quantity or unit cost accepted, exclusive. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1e13");
    /** Most decimals a number may carry in a request before the unit's own rule applies. */
    static final int MAX_SCALE = 10;
    /** Longest text value accepted. */
    static final int MAX_TEXT = 1000;

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    void add(String field, Object value, String message) {
        problems.add(new Problem(field, value == null ? null : value.toString(), message));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidJsonException(problems);
        }
    }

    String text(JsonObject object, String name, String path, boolean required) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                add(path, null, "Required; give a text value.");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            add(path, value, "Must be a text value in quotes.");
            return null;
        }
        String text = ((JsonString) value).getString();
        if (text.length() > MAX_TEXT) {
            add(path, text.substring(0, 40) + "...", "Too long: " + text.length() + " characters, at most " + MAX_TEXT
                    + " allowed.");
            return null;
        }
        if (required && text.isBlank()) {
            add(path, text, "Required; must not be blank.");
            return null;
        }
        return text.isBlank() ? null : text.strip();
    }

    Long id(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            BigDecimal id = number.bigDecimalValue();
            if (id.signum() > 0 && id.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return id.longValueExact();
            }
        }
        add(path, value, "Must be a positive whole number (an id).");
        return null;
    }

    /** Reads an optional whole number between {@code min} and {@code max}. */
    Integer integer(JsonObject object, String name, String path, int min, int max) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            BigDecimal whole = number.bigDecimalValue();
            if (whole.compareTo(BigDecimal.valueOf(min)) >= 0 && whole.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return whole.intValueExact();
            }
        }
        add(path, value, "Must be a whole number between " + min + " and " + max + ".");
        return null;
    }

    /**
     * Reads a decimal given as a JSON number or as text such as {@code "1.250"}. NaN, infinities,
     * numbers of {@link #MAX_NUMBER} or more and more than {@link #MAX_SCALE} decimals are rejected.
     */
    BigDecimal decimal(JsonObject object, String name, String path, boolean required) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                add(path, null, "Required; give a number.");
            }
            return null;
        }
        BigDecimal number;
        try {
            number = switch (value.getValueType()) {
                case NUMBER -> ((JsonNumber) value).bigDecimalValue();
                case STRING -> new BigDecimal(((JsonString) value).getString().strip());
                default -> null;
            };
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            add(path, value, "Must be a decimal number such as 12 or 0.25.");
            return null;
        }
        if (number.abs().compareTo(MAX_NUMBER) >= 0) {
            add(path, value, "Out of range: numbers must be smaller than 10000000000000 in magnitude.");
            return null;
        }
        if (number.stripTrailingZeros().scale() > MAX_SCALE) {
            add(path, value, "Too many decimals: at most " + MAX_SCALE + " are accepted, and the product's unit may allow fewer.");
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    LocalDate date(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            try {
                LocalDate date = LocalDate.parse(text.getString().strip());
                if (date.getYear() >= 1900 && date.getYear() <= 2999) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        add(path, value, "Must be a calendar date between 1900-01-01 and 2999-12-31 in ISO format, such as 2025-03-31.");
        return null;
    }

    boolean flag(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value != JsonValue.FALSE) {
            add(path, value, "Must be true or false.");
        }
        return false;
    }

    /** Reads an object of simple values (text, numbers, booleans) as strings. */
    Map<String, String> fields(JsonObject object, String name, String path) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fields;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            add(path, value, "Must be an object of named values, such as {\"reason\": \"BROKEN\"}.");
            return fields;
        }
        value.asJsonObject().forEach((key, item) -> {
            String itemPath = path + "." + key;
            switch (item.getValueType()) {
                case STRING -> {
                    String text = ((JsonString) item).getString();
                    if (text.length() > MAX_TEXT) {
                        add(itemPath, text.substring(0, 40) + "...", "Too long: at most " + MAX_TEXT + " characters.");
                    } else {
                        fields.put(key, text);
                    }
                }
                case NUMBER, TRUE, FALSE -> fields.put(key, item.toString());
                case NULL -> fields.put(key, null);
                default -> add(itemPath, item, "Must be text, a number or true/false.");
            }
        });
        return fields;
    }

    static JsonObject object(JsonValue value, String path, JsonInput input) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            input.add(path, value, "Must be a JSON object.");
            return null;
        }
        return value.asJsonObject();
    }
}
