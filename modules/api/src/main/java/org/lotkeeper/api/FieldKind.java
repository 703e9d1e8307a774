package org.lotkeeper.api;

/**
 * Kind of value an input field takes; the web module picks the form component from it.
 *
 * @since 1
 */
public enum FieldKind {
    /** Free text. */
    TEXT,
    /** A decimal number, such as a quantity or a unit cost. */
    DECIMAL,
    /** A calendar date in ISO format ({@code 2025-03-31}). */
    DATE,
    /** An existing lot, given by its id. */
    LOT,
    /** A product, given by its sku. */
    PRODUCT,
    /** A location, given by its code. */
    LOCATION,
    /** One of the reason codes that an admin configured for the type. */
    REASON_CODE,
    /** One of the fixed values listed in {@link FieldDescriptor#choices()}. */
    CHOICE,
    /** {@code true} or {@code false}. */
    BOOLEAN
}
