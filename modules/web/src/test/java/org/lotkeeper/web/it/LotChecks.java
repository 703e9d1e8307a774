package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * Assertions on lots, ledger entries and responses that the acceptance tests share. Quantities
 * and values are compared with {@link BigDecimal#compareTo}, so {@code 5} equals {@code 5.000}.
 */
final class LotChecks {

    private LotChecks() {
    }

    /** Asserts a lot's quantity and value, and that both equal the sums of its ledger entries. */
    static void assertLot(Api api, long lotId, String quantity, String value) {
        JsonObject lot = api.lot(lotId);
        String code = lot.getString("code");
        assertNumber(quantity, lot.getJsonNumber("quantity").bigDecimalValue(), "quantity of lot " + code);
        assertNumber(value, lot.getJsonNumber("value").bigDecimalValue(), "value of lot " + code);

        BigDecimal quantitySum = BigDecimal.ZERO;
        BigDecimal valueSum = BigDecimal.ZERO;
        for (JsonObject entry : api.ledger(lotId).getValuesAs(JsonObject.class)) {
            quantitySum = quantitySum.add(entry.getJsonNumber("quantity").bigDecimalValue());
            valueSum = valueSum.add(entry.getJsonNumber("value").bigDecimalValue());
        }
        assertNumber(quantity, quantitySum, "sum of the entry quantities of lot " + code);
        assertNumber(value, valueSum, "sum of the entry values of lot " + code);
    }

    /** Asserts the number of a lot's ledger entries and returns them in effective order. */
    static JsonArray assertEntryCount(Api api, long lotId, int expected) {
        JsonArray entries = api.ledger(lotId);
        assertEquals(expected, entries.size(), "ledger entries of lot " + lotId + ": " + entries);
        return entries;
    }

    /** Asserts an entry's quantity and value. */
    static void assertEntry(JsonObject entry, String quantity, String value) {
        assertNumber(quantity, entry.getJsonNumber("quantity").bigDecimalValue(), "entry quantity in " + entry);
        assertNumber(value, entry.getJsonNumber("value").bigDecimalValue(), "entry value in " + entry);
    }

    static void assertNumber(String expected, BigDecimal actual, String description) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), description + ": expected " + expected + ", was "
                + actual.toPlainString());
    }

    /** Asserts that a response has the status and that its body contains every fragment. */
    static void assertRejected(Api.Response response, int status, String... fragments) {
        assertEquals(status, response.status(), "status of " + response.body());
        for (String fragment : fragments) {
            assertTrue(response.body().contains(fragment), "'" + fragment + "' missing from " + response.body());
        }
    }

    /** Asserts that a request created a document and returns the response's JSON. */
    static JsonObject assertCreated(Api.Response response) {
        assertEquals(201, response.status(), "status of " + response.body());
        return response.json();
    }

    /** Returns the id of a document in its JSON representation. */
    static long documentId(JsonObject document) {
        return document.getJsonNumber("id").longValue();
    }

    /** Asserts that the ledger verification finds every balance equal to the sums of its entries. */
    static void assertLedgerConsistent(Api api) {
        JsonObject report = api.verification();
        assertTrue(report.getBoolean("consistent"), "ledger verification: " + report);
    }
}
