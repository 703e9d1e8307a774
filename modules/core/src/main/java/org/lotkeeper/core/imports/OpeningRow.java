package org.lotkeeper.core.imports;

import java.math.BigDecimal;

import org.lotkeeper.core.catalog.Product;

/**
 * An opening-stock row after its values were read and its lot code chosen.
 *
 * @param row       the file row
 * @param product   the product
 * @param code      lot code: the batch, the serial number, or {@code ALL}
 * @param location  location code, the request's default when the row has none
 * @param quantity  quantity, positive
 * @param unitCost  unit cost, or {@code null} while a missing cost awaits the cost policy
 * @param condition lot condition
 * @param batch     batch code of a serial-tracked row, or {@code null}
 */
record OpeningRow(ImportRow row, Product product, String code, String location, BigDecimal quantity,
                  BigDecimal unitCost, String condition, String batch) {

    OpeningRow withUnitCost(BigDecimal cost) {
        return new OpeningRow(row, product, code, location, quantity, cost, condition, batch);
    }
}
