package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.io.StringReader;
import java.util.List;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.lotkeeper.api.Problem;

/** Parses request bodies, turning malformed JSON into a 400 problem that says where it broke. */
final class JsonBodies {

    /** Largest request body accepted, in characters. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private JsonBodies() {
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("The request body is empty; send a JSON object.");
        }
        if (body.length() > MAX_BODY) {
            throw invalid("The request body has " + body.length() + " characters; at most " + MAX_BODY + " are accepted.");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("The request body must be a JSON object, not " + value.getValueType().name().toLowerCase() + ".");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber();
            throw invalid("Malformed JSON" + where + ": " + e.getMessage());
        } catch (JsonException e) {
            throw invalid("Malformed JSON: " + e.getMessage());
        }
    }

    private static InvalidJsonException invalid(String message) {
        return new InvalidJsonException(List.of(new Problem("body", null, message)));
    }
}
