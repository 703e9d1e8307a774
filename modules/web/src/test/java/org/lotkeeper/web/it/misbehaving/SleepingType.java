package org.lotkeeper.web.it.misbehaving;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Reads its lots, sleeps for the document field {@code seconds}, reads them again and removes
 * the requested quantities, or with the field {@code all} the whole quantity it read before the
 * sleep. It honours interrupts: an interrupted sleep ends the call.
 */
@ApplicationScoped
public class SleepingType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-sleeping", "Sleeps").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        Map<Long, BigDecimal> before = new HashMap<>();
        request.lines().forEach(line -> before.put(line.lotId(), stock.lot(line.lotId()).orElseThrow().quantity()));
        boolean all = request.field("all").isPresent();
        long millis = new BigDecimal(request.field("seconds").orElse("0")).movePointRight(3).longValue();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
        // The view still works after the sleep, on this worker thread.
        return request.lines().stream()
                .map(line -> ProposedLine.removal(line.index(), stock.lot(line.lotId()).orElseThrow().id(),
                        all ? before.get(line.lotId()) : line.quantity()))
                .toList();
    }
}
