package org.lotkeeper.web.screens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.support.BusinessCalendar;

/**
 * Number and time formats of the screens, as {@code #{fmt}}. Quantities show the decimals they
 * have and no more; money always shows cents. Times are shown in the business time zone.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    BusinessCalendar calendar;

    /** Formats a quantity without trailing zeros or exponent: {@code 7}, {@code 2.125}. */
    public String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    /** Formats an amount of money with two decimals: {@code 17.50}. */
    public String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** Formats an instant as date and minute in the business time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(calendar.zone()));
    }
}
