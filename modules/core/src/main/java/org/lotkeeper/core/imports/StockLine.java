package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One opening line made from one or more file rows for the same product, lot code and location.
 *
 * @param lines     file lines merged into this line
 * @param sku       product sku
 * @param code      lot code: the batch, the serial number, or {@code ALL}
 * @param location  location code
 * @param quantity  sum of the rows' quantities
 * @param unitCost  the rows' quantity-weighted average unit cost, rounded to 4 decimals
 * @param condition condition of the lot, such as {@code ok} or {@code damaged}
 * @param fields    line fields recorded with the ledger entry
 */
record StockLine(List<Integer> lines, String sku, String code, String location, BigDecimal quantity,
                 BigDecimal unitCost, String condition, Map<String, String> fields) {

    StockLine {
        lines = List.copyOf(lines);
        fields = Map.copyOf(fields);
    }
}
