package org.lotkeeper.web.it.misbehaving;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/** Always rejects, reporting the documents the event recorder has seen, so a test can read them over HTTP. */
@ApplicationScoped
public class EventReportType implements AdjustmentType {

    @Inject
    PostingEventRecorder recorder;

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-event-report", "Reports posting events").lineSigns(LineSign.NEGATIVE)
                .build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) throws AdjustmentRejectedException {
        throw new AdjustmentRejectedException(new Problem("events", null, "committed " + recorder.committed()));
    }
}
