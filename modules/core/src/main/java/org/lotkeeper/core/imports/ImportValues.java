package org.lotkeeper.core.imports;

import java.math.BigDecimal;
import java.util.Locale;

/** Parses the values of import columns, recording an error on the row for each invalid one. */
final class ImportValues {

    /** Upper bound, exclusive, of quantities and costs: the same bound as in the JSON API. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1e13");

    private final ImportIssues issues;

    ImportValues(ImportIssues issues) {
        this.issues = issues;
    }

    /**
     * Returns the code in {@code column}, or {@code null} after recording an error when it is
     * missing, longer than 100 characters or contains control characters.
     */
    String code(ImportRow row, String column) {
        String code = row.value(column);
        if (code.isEmpty()) {
            issues.error(row, column, "The " + column + " is missing.");
            return null;
        }
        if (code.length() > 100 || code.chars().anyMatch(Character::isISOControl)) {
            issues.error(row, column, "Invalid " + column + ": a code has 1 to 100 characters and no control"
                    + " characters.");
            return null;
        }
        return code;
    }

    /** Returns the text in {@code column}, or {@code null} after recording an error when it is too long. */
    String text(ImportRow row, String column, int maxLength) {
        String text = row.value(column);
        if (text.length() > maxLength) {
            issues.error(row, column, text.substring(0, 40) + "...", "The " + column + " has " + text.length()
                    + " characters, but at most " + maxLength + " are allowed.");
            return null;
        }
        return text;
    }

    /**
     * Returns the number in {@code column}, greater than 0 or also 0 when allowed, or {@code null}
     * after recording an error.
     *
     * @param allowZero whether 0 is accepted
     */
    BigDecimal number(ImportRow row, String column, boolean allowZero) {
        String text = row.value(column);
        if (text.isEmpty()) {
            issues.error(row, column, "The " + column + " is missing.");
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            issues.error(row, column, "Invalid " + column + " '" + text + "': write a decimal number with a point,"
                    + " such as 12 or 0.25.");
            return null;
        }
        if (number.signum() < 0 || (!allowZero && number.signum() == 0)) {
            issues.error(row, column, "Invalid " + column + " " + text + ": it must be " + (allowZero
                    ? "0 or more." : "greater than 0."));
            return null;
        }
        if (number.compareTo(MAX_NUMBER) >= 0) {
            issues.error(row, column, "Invalid " + column + " " + text + ": it must be smaller than 10000000000000.");
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Returns the yes/no value in {@code column}; {@code yes}, {@code true} and {@code 1} are
     * true, {@code no}, {@code false} and {@code 0} false, and a blank value is {@code fallback}.
     * Records an error and returns {@code fallback} for anything else.
     */
    boolean flag(ImportRow row, String column, boolean fallback) {
        String text = row.value(column).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> fallback;
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> {
                issues.error(row, column, "Invalid " + column + " '" + row.value(column) + "': write yes or no.");
                yield fallback;
            }
        };
    }
}
