package org.lotkeeper.web.it.misbehaving;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Spins in a loop that ignores interrupts, for the document field {@code seconds} (forever when
 * absent), then removes the requested quantities. With {@code seconds} the test bounds the CPU
 * its stuck threads burn.
 */
@ApplicationScoped
public class LoopingType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-looping", "Loops").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        long nanos = request.field("seconds").map(s -> new BigDecimal(s).movePointRight(9).longValue())
                .orElse(Long.MAX_VALUE);
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.interrupted(); // deliberately swallows the cancellation
            Thread.onSpinWait();
        }
        return request.lines().stream().map(line -> ProposedLine.removal(line.index(), line.lotId(), line.quantity()))
                .toList();
    }
}
