package org.lotkeeper.web.it.misbehaving;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/** Claims to be built for an SPI version this server does not implement. */
@ApplicationScoped
public class FutureSpiType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-future-spi", "Future SPI").spiVersion(99).lineSigns(LineSign.NEGATIVE)
                .build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        throw new AssertionError("a type with an incompatible SPI version must never be called");
    }
}
