package org.lotkeeper.web.screens.lots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A component lot and the quantity of it that went into a built lot.
 *
 * @param lotId    the component lot
 * @param quantity quantity consumed
 */
public record OriginPart(long lotId, BigDecimal quantity) {

    /** An origin written by an assembly build: {@code lotId:quantity} pairs separated by commas. */
    private static final Pattern BUILD_ORIGIN = Pattern.compile("\\d+:\\d+(\\.\\d+)?(,\\d+:\\d+(\\.\\d+)?)*");

    /** Returns the parts of a build's origin, or an empty list for any other origin text, such as a CSV import's. */
    public static List<OriginPart> parse(String origin) {
        if (origin == null || !BUILD_ORIGIN.matcher(origin).matches()) {
            return List.of();
        }
        List<OriginPart> parts = new ArrayList<>();
        for (String pair : origin.split(",")) {
            int colon = pair.indexOf(':');
            parts.add(new OriginPart(Long.parseLong(pair.substring(0, colon)), new BigDecimal(pair.substring(colon + 1))));
        }
        return parts;
    }
}
