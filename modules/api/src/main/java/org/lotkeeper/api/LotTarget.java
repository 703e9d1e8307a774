package org.lotkeeper.api;

/**
 * The lot a proposed line posts to: an existing lot, or a lot the posting creates.
 *
 * @since 1
 */
public sealed interface LotTarget {

    /** An existing lot, by id. */
    record Existing(long lotId) implements LotTarget {
    }

    /**
     * A lot to create. When a lot with the same product, code and location already exists, the
     * line posts to that lot instead.
     */
    record Create(NewLot lot) implements LotTarget {
    }

    static LotTarget existing(long lotId) {
        return new Existing(lotId);
    }

    static LotTarget create(NewLot lot) {
        return new Create(lot);
    }
}
