package org.lotkeeper.core.adjustments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.lotkeeper.core.plugins.TypeSettingsView;
import org.lotkeeper.core.support.BusinessException;

/** The rule for a document's date: not in the future, and not further back than the type's backdating window. */
final class EffectiveDates {

    private EffectiveDates() {
    }

    static void check(String typeId, LocalDate date, LocalDate today, TypeSettingsView settings) {
        if (date.isAfter(today)) {
            throw BusinessException.invalid("effectiveDate", date,
                    "The effective date " + date + " is in the future; today is " + today + ".");
        }
        long days = ChronoUnit.DAYS.between(date, today);
        if (days > settings.backdatingDays()) {
            throw BusinessException.rule("effectiveDate", date, "The effective date " + date + " is " + days
                    + " days in the past; type '" + typeId + "' allows " + settings.backdatingDays()
                    + " days of backdating.");
        }
    }
}
