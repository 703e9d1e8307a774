package org.lotkeeper.api;

/**
 * A product as plugins see it.
 *
 * @param sku      stock keeping unit, unique
 * @param name     display name
 * @param unit     unit of measure, such as {@code pcs}, {@code kg}, {@code m}
 * @param decimals number of decimals a quantity may have (pieces 0, kg 3)
 * @param tracking how lots of this product are identified
 * @param assembly whether the product is built from a bill of materials
 * @since 1
 */
public record ProductInfo(String sku, String name, String unit, int decimals, Tracking tracking, boolean assembly) {

    /** Tracking mode: how lots of a product are identified. */
    public enum Tracking {
        /** Batches with a lot code, or the single {@code ALL} lot. */
        LOT,
        /** One serial number per unit, so a serial lot contains 0 or 1. */
        SERIAL
    }
}
