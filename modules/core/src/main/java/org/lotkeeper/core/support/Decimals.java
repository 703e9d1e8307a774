package org.lotkeeper.core.support;

import java.math.BigDecimal;

/** Conversions of decimal values read from queries and written into messages. */
public final class Decimals {

    private Decimals() {
    }

    /** Returns a query result (a {@code BigDecimal} or another {@code Number}) as a {@code BigDecimal}. */
    public static BigDecimal of(Object number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    /** Returns a quantity as plain text without trailing zeros: {@code 8}, not {@code 8.000000} or {@code 8E+0}. */
    public static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
