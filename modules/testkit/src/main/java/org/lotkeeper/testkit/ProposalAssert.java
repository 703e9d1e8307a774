package org.lotkeeper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Assertions that run a type against an {@link InMemoryStock} and check its proposal with the
 * rules the core applies before posting: allowed signs, no zero quantity, existing lots, decimals
 * of the product's unit, and no lot below zero once all lines are added up.
 */
public final class ProposalAssert {

    private ProposalAssert() {
    }

    /** Runs the type, checks the core's rules on its proposal, and returns the lines. */
    public static List<ProposedLine> assertProposes(AdjustmentType type, AdjustmentRequest request,
                                                    InMemoryStock stock) {
        List<ProposedLine> lines;
        try {
            lines = type.propose(request, stock);
        } catch (AdjustmentRejectedException e) {
            return fail("Expected a proposal, but the type rejected the request: " + e.problems());
        }
        assertFollowsCoreRules(type.describe(), lines, stock);
        return lines;
    }

    /** Runs the type, expects a rejection that names {@code field}, and returns its problems. */
    public static List<Problem> assertRejects(AdjustmentType type, AdjustmentRequest request, InMemoryStock stock,
                                              String field) {
        AdjustmentRejectedException rejection = assertThrows(AdjustmentRejectedException.class,
                () -> type.propose(request, stock), "Expected the type to reject the request");
        assertTrue(rejection.problems().stream().anyMatch(p -> p.field().equals(field)),
                "Expected a problem on field " + field + ", got " + rejection.problems());
        return rejection.problems();
    }

    /** Returns the sum of the proposed quantities on an existing lot. */
    public static BigDecimal quantityOn(List<ProposedLine> lines, long lotId) {
        return lines.stream()
                .filter(l -> l.target() instanceof LotTarget.Existing e && e.lotId() == lotId)
                .map(ProposedLine::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Checks a proposal against the rules the core enforces. */
    public static void assertFollowsCoreRules(TypeDescriptor descriptor, List<ProposedLine> lines,
                                              InMemoryStock stock) {
        assertFalse(lines.isEmpty(), "A proposal must contain at least one line");
        Map<Long, BigDecimal> deltas = new HashMap<>();
        for (ProposedLine line : lines) {
            assertNotEquals(0, line.quantity().signum(), "A proposed line must not have quantity zero: " + line);
            assertTrue(descriptor.allows(line.sign()),
                    "Type " + descriptor.id() + " may not propose " + line.sign() + " lines: " + line);
            String sku = productOf(line, stock);
            ProductInfo product = stock.product(sku).orElseGet(() -> fail("Unknown product " + sku + " in " + line));
            assertTrue(line.quantity().stripTrailingZeros().scale() <= product.decimals(),
                    "Quantity " + line.quantity() + " has more decimals than unit " + product.unit() + " allows");
            if (line.target() instanceof LotTarget.Existing existing) {
                deltas.merge(existing.lotId(), line.quantity(), BigDecimal::add);
            }
        }
        deltas.forEach((lotId, delta) -> {
            BigDecimal after = stock.lot(lotId).orElseThrow().quantity().add(delta);
            assertTrue(after.signum() >= 0, "Lot " + lotId + " would go below zero: " + after);
        });
    }

    /** Checks that the lot's quantity after the proposal equals {@code expected}. */
    public static void assertQuantityAfter(List<ProposedLine> lines, InMemoryStock stock, long lotId, String expected) {
        BigDecimal before = stock.lot(lotId).map(LotInfo::quantity).orElseThrow();
        assertEquals(0, new BigDecimal(expected).compareTo(before.add(quantityOn(lines, lotId))),
                "Quantity of lot " + lotId + " after the proposal");
    }

    private static String productOf(ProposedLine line, InMemoryStock stock) {
        return switch (line.target()) {
            case LotTarget.Existing e -> stock.lot(e.lotId())
                    .orElseGet(() -> fail("Proposed line names unknown lot " + e.lotId())).productSku();
            case LotTarget.Create c -> c.lot().productSku();
        };
    }
}
