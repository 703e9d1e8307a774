package org.lotkeeper.api;

import java.math.BigDecimal;

/**
 * One line of a product's bill of materials: how much of a component one unit of the assembly
 * consumes.
 *
 * @param assemblySku     sku of the assembly
 * @param componentSku    sku of the component
 * @param quantityPerUnit quantity of the component per unit of the assembly
 * @since 1
 */
public record BomLine(String assemblySku, String componentSku, BigDecimal quantityPerUnit) {
}
