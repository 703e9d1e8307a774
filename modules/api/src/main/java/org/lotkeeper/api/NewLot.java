package org.lotkeeper.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lot to create as part of a posting. A lot is identified by product, code and location, so
 * naming an existing combination refers to that lot instead of creating a second one.
 *
 * @param productSku   sku of the product
 * @param code         batch number, serial number, or {@code ALL} for an untracked product
 * @param locationCode code of the location
 * @param expiry       last day of use, or {@code null}
 * @param condition    condition of the stock, {@code ok} when {@code null}
 * @since 1
 */
public record NewLot(String productSku, String code, String locationCode, LocalDate expiry, String condition) {

    /** Lot code of the single lot of a product that needs no batch or serial tracking. */
    public static final String ALL = "ALL";

    public NewLot {
        Objects.requireNonNull(productSku, "productSku");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(locationCode, "locationCode");
        condition = condition == null || condition.isBlank() ? "ok" : condition;
    }
}
