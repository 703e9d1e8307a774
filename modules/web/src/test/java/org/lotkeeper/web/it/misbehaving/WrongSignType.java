package org.lotkeeper.web.it.misbehaving;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/** Declares negative lines only, then proposes positive ones. */
@ApplicationScoped
public class WrongSignType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-wrong-sign", "Wrong sign").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        return request.lines().stream()
                .map(line -> ProposedLine.addition(line.index(), LotTarget.existing(line.lotId()), line.quantity(),
                        CostSource.lotCost()))
                .toList();
    }
}
