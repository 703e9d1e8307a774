package org.lotkeeper.web.it.uploads;

import java.util.List;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.SpiVersion;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * A small type that tests upload as a plugin jar: it is not part of the deployed application, so
 * the server loads it from the uploaded jar only. It writes off the requested quantities.
 */
public class UploadTestType implements AdjustmentType {

    public static final String ID = "test-upload";

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder(ID, "Upload test").version("0.0.1").spiVersion(SpiVersion.CURRENT)
                .lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        return request.lines().stream().map(line -> ProposedLine.removal(line.index(), line.lotId(), line.quantity()))
                .toList();
    }
}
