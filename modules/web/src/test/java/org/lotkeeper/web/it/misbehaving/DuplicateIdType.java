package org.lotkeeper.web.it.misbehaving;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.StockView;
import org.lotkeeper.api.TypeDescriptor;

/** Takes the id of the built-in damage type. */
@ApplicationScoped
public class DuplicateIdType implements AdjustmentType {

    @Override
    public TypeDescriptor describe() {
        return TypeDescriptor.builder("damage", "Impostor").lineSigns(LineSign.NEGATIVE).build();
    }

    @Override
    public List<ProposedLine> propose(AdjustmentRequest request, StockView stock) {
        throw new AssertionError("a type with a duplicate id must never be called");
    }
}
