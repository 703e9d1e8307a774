package org.lotkeeper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.api.AdjustmentRejectedException;
import org.lotkeeper.api.AdjustmentRequest;
import org.lotkeeper.api.AdjustmentType;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.TypeDescriptor;

/**
 * Assertions that run a type against an {@link InMemoryStock} and check its proposal with the
 * rules the core applies before posting: allowed signs, no zero quantity, known lots, products and
 * locations, lots created only by types that declare it, decimals of the product's unit, no stock
 * taken out of an expired lot unless the type declares it, valid consumed-value references, a cost
 * for every positive line, serial lots holding 0 or 1, and no lot below zero once all lines are
 * added up.
 *
 * <p>The core also checks later balances of backdated lines and serial numbers used in the past;
 * an {@link InMemoryStock} has one date and no history, so these checks are left to the core's
 * own tests.
 */
public final class ProposalAssert {

    private ProposalAssert() {
    }

    /**
     * Runs the type, checks the core's rules on its proposal, checks that it has at least one line,
     * and returns the lines.
     */
    public static List<ProposedLine> assertProposes(AdjustmentType type, AdjustmentRequest request,
                                                    InMemoryStock stock) {
        List<ProposedLine> lines = propose(type, request, stock);
        assertFalse(lines.isEmpty(), "Expected at least one proposed line");
        assertFollowsCoreRules(type.describe(), lines, stock);
        return lines;
    }

    /**
     * Runs the type and checks that it accepts the request without proposing any line, as a
     * stocktake does when every count matches the system quantity.
     */
    public static void assertProposesNoLines(AdjustmentType type, AdjustmentRequest request, InMemoryStock stock) {
        List<ProposedLine> lines = propose(type, request, stock);
        assertTrue(lines.isEmpty(), "Expected no proposed line, got " + lines);
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

    /**
     * Runs the type, expects a rejection with a problem on {@code field} whose message contains
     * {@code text}, and returns that problem.
     */
    public static Problem assertRejectsWith(AdjustmentType type, AdjustmentRequest request, InMemoryStock stock,
                                            String field, String text) {
        List<Problem> problems = assertRejects(type, request, stock, field);
        return problems.stream()
                .filter(p -> p.field().equals(field) && p.message().contains(text))
                .findFirst()
                .orElseGet(() -> fail("Expected a problem on " + field + " containing '" + text + "', got "
                        + problems));
    }

    /** Returns the sum of the proposed quantities on an existing lot. */
    public static BigDecimal quantityOn(List<ProposedLine> lines, long lotId) {
        return lines.stream()
                .filter(l -> l.target() instanceof LotTarget.Existing e && e.lotId() == lotId)
                .map(ProposedLine::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Checks a proposal against the rules the core enforces; an empty proposal passes. */
    public static void assertFollowsCoreRules(TypeDescriptor descriptor, List<ProposedLine> lines,
                                              InMemoryStock stock) {
        Map<String, BigDecimal> after = new LinkedHashMap<>();
        Map<String, ProductInfo> productByLot = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ProposedLine line = lines.get(i);
            assertNotEquals(0, line.quantity().signum(), "A proposed line must not have quantity zero: " + line);
            assertTrue(descriptor.allows(line.sign()),
                    "Type " + descriptor.id() + " may not propose " + line.sign() + " lines: " + line);

            LotInfo lot = existingLot(line, stock);
            String sku = lot != null ? lot.productSku() : ((LotTarget.Create) line.target()).lot().productSku();
            ProductInfo product = stock.product(sku).orElseGet(() -> fail("Unknown product " + sku + " in " + line));
            assertTrue(line.quantity().stripTrailingZeros().scale() <= product.decimals(),
                    "Quantity " + line.quantity() + " has more decimals than unit " + product.unit() + " allows");

            checkTarget(descriptor, line, lot, stock);
            checkCost(descriptor, i, lines, lot);

            String key = ProposalValues.lotKey(line, stock);
            BigDecimal before = lot == null ? BigDecimal.ZERO : lot.quantity();
            after.merge(key, before.add(line.quantity()), (sum, ignored) -> sum.add(line.quantity()));
            productByLot.put(key, product);
        }

        after.forEach((key, quantity) -> {
            assertTrue(quantity.signum() >= 0, "The " + key + " would go below zero: " + quantity);
            if (productByLot.get(key).tracking() == ProductInfo.Tracking.SERIAL) {
                assertTrue(quantity.compareTo(BigDecimal.ONE) <= 0,
                        "The serial " + key + " would hold " + quantity + "; a serial lot holds 0 or 1");
            }
        });
    }

    /** Checks that the lot's quantity after the proposal equals {@code expected}. */
    public static void assertQuantityAfter(List<ProposedLine> lines, InMemoryStock stock, long lotId, String expected) {
        BigDecimal before = stock.lot(lotId).map(LotInfo::quantity).orElseThrow();
        assertEquals(0, new BigDecimal(expected).compareTo(before.add(quantityOn(lines, lotId))),
                "Quantity of lot " + lotId + " after the proposal");
    }

    /**
     * Checks the signed value of the line at {@code index}, computed as {@link ProposalValues}
     * describes, against {@code expected}, for example {@code "-15.00"}.
     */
    public static void assertValue(List<ProposedLine> lines, InMemoryStock stock, int index, String expected) {
        BigDecimal actual = ProposalValues.of(lines, stock).get(index);
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                "Value of proposed line " + index + ": expected " + expected + ", got " + actual);
    }

    private static List<ProposedLine> propose(AdjustmentType type, AdjustmentRequest request, InMemoryStock stock) {
        try {
            return type.propose(request, stock);
        } catch (AdjustmentRejectedException e) {
            return fail("Expected a proposal, but the type rejected the request: " + e.problems());
        }
    }

    /** Returns the existing lot a line posts to, or {@code null} when the line creates a new lot. */
    private static LotInfo existingLot(ProposedLine line, InMemoryStock stock) {
        return switch (line.target()) {
            case LotTarget.Existing e ->
                    stock.lot(e.lotId()).orElseGet(() -> fail("Proposed line names unknown lot " + e.lotId()));
            case LotTarget.Create c ->
                    stock.lot(c.lot().productSku(), c.lot().code(), c.lot().locationCode()).orElse(null);
        };
    }

    private static void checkTarget(TypeDescriptor descriptor, ProposedLine line, LotInfo lot, InMemoryStock stock) {
        if (line.target() instanceof LotTarget.Create create) {
            assertTrue(descriptor.createsLots(),
                    "Type " + descriptor.id() + " does not declare createsLots but proposes a new lot: " + line);
            assertTrue(stock.locationExists(create.lot().locationCode()),
                    "Unknown location " + create.lot().locationCode() + " in " + line);
        }
        if (line.quantity().signum() < 0) {
            assertTrue(lot != null, "A negative line must name an existing lot: " + line);
            assertTrue(descriptor.takesFromExpiredLots() || !lot.isExpiredOn(stock.date()),
                    "Type " + descriptor.id() + " may not take stock out of lot " + lot.code() + ", which expired on "
                            + lot.expiry() + ": " + line);
        }
    }

    private static void checkCost(TypeDescriptor descriptor, int index, List<ProposedLine> lines, LotInfo lot) {
        ProposedLine line = lines.get(index);
        if (line.quantity().signum() < 0) {
            assertTrue(line.cost() instanceof CostSource.LotCost,
                    "A negative line leaves at its lot's unit cost, so its cost source is LotCost: " + line);
            return;
        }
        switch (line.cost()) {
            case CostSource.LotCost ignored -> assertTrue(lot != null && lot.unitCost() != null,
                    "A positive line at the lot's cost needs a lot with a recorded cost: " + line);
            case CostSource.ConsumedValue consumed -> {
                for (int source : consumed.lineIndices()) {
                    assertTrue(source < lines.size(), "Line " + index + " of type " + descriptor.id()
                            + " takes the value of line " + source + ", which is not in the proposal");
                    assertNotEquals(index, source, "Line " + index + " takes its own value");
                    assertTrue(lines.get(source).quantity().signum() < 0,
                            "Line " + index + " takes the value of line " + source + ", which is not negative");
                }
                assertTrue(consumed.extraCost().signum() >= 0, "An extra cost must not be negative: " + line);
            }
            case CostSource.Explicit ignored -> {
                // A unit cost given by the user: the record already rejects negative costs.
            }
            case CostSource.Unknown ignored -> assertTrue(lot == null || lot.unitCost() == null
                            || lot.quantity().signum() == 0,
                    "Stock of unknown cost may only go into a lot without a recorded cost: " + line);
        }
    }
}
