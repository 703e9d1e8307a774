package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lotkeeper.api.RequestLine;

/**
 * A request to create an adjustment document, as parsed from the API or a form.
 *
 * @param typeId        adjustment type id
 * @param effectiveDate business date, or {@code null} for today
 * @param fields        document fields
 * @param lines         request lines
 */
public record AdjustmentCommand(String typeId, LocalDate effectiveDate, Map<String, String> fields,
                                List<RequestLine> lines) {

    public AdjustmentCommand {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Returns a SHA-256 fingerprint of the request, so that a repeated client key can be told
     * apart from a different request sent with the same key. Numbers compare by value:
     * {@code 5} and {@code 5.0} give the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        text.append(typeId).append('|').append(effectiveDate).append('|').append(new TreeMap<>(fields));
        for (RequestLine line : lines) {
            text.append("|line:").append(line.lotId()).append(',').append(line.newLot()).append(',')
                    .append(normal(line.quantity())).append(',').append(normal(line.unitCost())).append(',')
                    .append(new TreeMap<>(line.fields()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String normal(BigDecimal number) {
        return number == null ? "-" : number.stripTrailingZeros().toPlainString();
    }
}
