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

/** Removes stock from the lot whose id is in the document field {@code other}, a lot the request does not name. */
@ApplicationScoped
public class StrayLotType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("test-stray-lot", "Posts to other lots").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        long other = Long.parseLong(request.field("other").orElseThrow());
        return List.of(ProposedLine.removal(0, other, BigDecimal.ONE));
    }
}
