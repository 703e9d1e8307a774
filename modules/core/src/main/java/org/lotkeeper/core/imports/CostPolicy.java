package org.lotkeeper.core.imports;

import java.util.Optional;

/** Rule for opening-stock rows that have no unit cost. */
public enum CostPolicy {
    /** The row is an error. */
    REJECT("reject"),
    /** The row enters at cost 0, with a warning. */
    ZERO("zero"),
    /**
     * The row takes the quantity-weighted average unit cost of the same product's valid rows in
     * the file that have a cost, rounded to 4 decimals, with a warning. It is an error when the
     * product has no such row.
     */
    PRODUCT_AVERAGE("product-average");

    private final String id;

    CostPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CostPolicy> parse(String id) {
        for (CostPolicy policy : values()) {
            if (policy.id.equals(id)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
