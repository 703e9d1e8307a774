package org.lotkeeper.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot and its balance, as plugins see it. Balances are as of the request's effective date.
 *
 * @param id           lot id
 * @param productSku   sku of the lot's product
 * @param code         lot code (batch, serial, or {@code ALL})
 * @param locationCode code of the lot's location
 * @param expiry       last day of use, or {@code null} when the stock does not expire
 * @param quantity     quantity on hand
 * @param value        value on hand, in the currency's cents
 * @param unitCost     unit cost, or {@code null} when the lot has no recorded cost
 * @param condition    condition such as {@code ok} or {@code damaged}
 * @since 1
 */
public record LotInfo(long id, String productSku, String code, String locationCode, LocalDate expiry,
                      BigDecimal quantity, BigDecimal value, BigDecimal unitCost, String condition) {

    /** Returns whether this lot is expired on the given business date; see {@link Expiry}. */
    public boolean isExpiredOn(LocalDate date) {
        return Expiry.isExpired(expiry, date);
    }
}
