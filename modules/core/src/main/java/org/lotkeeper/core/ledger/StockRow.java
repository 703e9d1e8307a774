package org.lotkeeper.core.ledger;

import java.math.BigDecimal;

/**
 * Stock on hand for one group: a lot, a product or a location.
 *
 * @param key      lot id, product sku or location code
 * @param label    a readable name for the group
 * @param quantity quantity (for a location, summed over products of every unit)
 * @param value    value in cents
 * @param lots     number of lots in the group
 */
public record StockRow(String key, String label, BigDecimal quantity, BigDecimal value, int lots) {
}
