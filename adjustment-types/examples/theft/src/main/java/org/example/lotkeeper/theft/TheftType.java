package org.example.lotkeeper.theft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.Problems;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Theft write-off: removes stolen stock from existing lots, with the police report number on
 * the document. Quantities are entered as the positive amount stolen.
 */
@ApplicationScoped
public class TheftType implements AdjustmentType {

    /** Stable id of this type. */
    public static final String ID = "theft";

    static final String REPORT = "report";

    private static final TypeDescriptor DESCRIPTOR = TypeDescriptor.builder(ID, "Theft write-off")
            .description("Writes off stolen stock, with the police report number.")
            .version("1.0.0")
            // Compiles the SPI version this plugin is built against into this class, so that the
            // server can refuse the plugin when it does not support that version.
            .spiVersion(SpiVersion.CURRENT)
            .lineSigns(LineSign.NEGATIVE)
            .field(FieldDescriptor.documentField(REPORT, "Police report", FieldKind.TEXT,
                    "Number of the police report."))
            .build();

    @Override
    public TypeDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        Problems problems = new Problems();
        String report = request.field(REPORT).orElse(null);
        if (report == null) {
            problems.add("fields." + REPORT, null, "A police report number is required.");
        }
        if (request.lines().isEmpty()) {
            problems.add("lines", null, "A theft write-off needs at least one line.");
        }

        List<ProposedLine> lines = new ArrayList<>();
        for (RequestLine line : request.lines()) {
            BigDecimal quantity = line.quantity();
            if (line.lotId() == null || stock.lot(line.lotId()).isEmpty()) {
                problems.add(line.path("lotId"), line.lotId(), "Name an existing lot by its id.");
            } else if (quantity == null || quantity.signum() <= 0) {
                problems.add(line.path("quantity"), quantity, "Enter the quantity stolen as a positive number.");
            } else {
                lines.add(ProposedLine.removal(line.index(), line.lotId(), quantity)
                        .withReason("THEFT")
                        .withAttributes(Map.of(REPORT, report == null ? "" : report)));
            }
        }

        problems.throwIfAny();
        return lines;
    }
}
