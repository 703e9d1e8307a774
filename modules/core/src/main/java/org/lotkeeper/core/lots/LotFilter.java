package org.lotkeeper.core.lots;

import java.time.LocalDate;

/**
 * Criteria for listing lots; {@code null} means any.
 *
 * @param productSku    product sku
 * @param locationCode  location code
 * @param code          lot code, matched exactly
 * @param expiresBefore only lots whose expiry date is on or before this date
 * @param expiredOn     only lots expired on this business date
 * @param withStock     only lots with a quantity above zero
 */
public record LotFilter(String productSku, String locationCode, String code, LocalDate expiresBefore,
                        LocalDate expiredOn, boolean withStock) {

    public static final LotFilter ALL = new LotFilter(null, null, null, null, null, false);
}
