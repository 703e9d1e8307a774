package org.lotkeeper.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of products, locations and lots that the core hands to
 * {@link AdjustmentType#propose}. It is valid only during that call.
 *
 * @since 1
 */
public interface StockView {

    /** Returns the business date the view's balances are taken at. */
    LocalDate date();

    /** Returns a product by sku. */
    Optional<ProductInfo> product(String sku);

    /** Returns whether a location with this code exists. */
    boolean locationExists(String code);

    /** Returns a lot by id. */
    Optional<LotInfo> lot(long id);

    /** Returns a lot by its identity: product, code and location. */
    Optional<LotInfo> lot(String productSku, String code, String locationCode);

    /** Returns every lot of a product, including empty ones, ordered by id. */
    List<LotInfo> lotsOf(String productSku);

    /** Returns a product's bill of materials, empty when it is not an assembly. */
    List<BomLine> billOfMaterials(String assemblySku);

    /**
     * Returns whether the product has ever had a lot with this code. Serial numbers are unique
     * per product for all time, so a type that creates serial lots checks this first.
     */
    boolean serialUsed(String productSku, String serial);
}
