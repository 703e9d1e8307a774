package org.lotkeeper.web.it.misbehaving;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/** Throws from {@code propose}. */
@ApplicationScoped
public class ThrowingType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-throwing", "Throws").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        throw new IllegalStateException("deliberate failure for the test");
    }
}
