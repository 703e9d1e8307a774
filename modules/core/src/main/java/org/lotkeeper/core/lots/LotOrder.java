package org.lotkeeper.core.lots;

/**
 * Sort order of a lot list. Ties are broken by lot id, so paging through a sorted list neither
 * skips nor repeats a lot.
 *
 * @param field     the column to sort by
 * @param ascending whether the smallest value comes first
 */
public record LotOrder(Field field, boolean ascending) implements java.io.Serializable {

    /** Lots in the order they were created. */
    public static final LotOrder BY_ID = new LotOrder(Field.ID, true);

    public LotOrder {
        field = field == null ? Field.ID : field;
    }

    /** A column lots can be sorted by, with its JPQL path. */
    public enum Field {
        ID("l.id"),
        PRODUCT("l.product.sku"),
        LOCATION("l.location.code"),
        CODE("l.code"),
        EXPIRY("l.expiry"),
        QUANTITY("l.quantity"),
        VALUE("l.value");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    /** Returns the JPQL {@code ORDER BY} clause. */
    String clause() {
        String direction = ascending ? " ASC" : " DESC";
        return field == Field.ID ? " ORDER BY l.id" + direction : " ORDER BY " + field.path() + direction + ", l.id" + direction;
    }
}
