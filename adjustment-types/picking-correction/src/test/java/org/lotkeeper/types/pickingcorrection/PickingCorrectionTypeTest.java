package org.lotkeeper.types.pickingcorrection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lotkeeper.testkit.ProposalAssert.assertProposes;
import static org.lotkeeper.testkit.ProposalAssert.assertQuantityAfter;
import static org.lotkeeper.testkit.ProposalAssert.assertRejects;
import static org.lotkeeper.testkit.ProposalAssert.assertRejectsWith;
import static org.lotkeeper.testkit.ProposalAssert.assertValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class PickingCorrectionTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);

    private final PickingCorrectionType type = new PickingCorrectionType();
    private final InMemoryStock stock = new InMemoryStock(TODAY).product("A", "pcs", 0).location("L1");

    private static Requests request() {
        return Requests.of(PickingCorrectionType.ID, TODAY).field("orderReference", "SO-1001");
    }

    private static RequestLine lineWithCost(long lotId, String quantity, String unitCost) {
        return new RequestLine(0, lotId, null, new BigDecimal(quantity), new BigDecimal(unitCost), Map.of());
    }

    @Test
    void descriptorAllowsBothSigns() {
        assertEquals("picking-correction", type.describe().id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE, LineSign.POSITIVE), type.describe().lineSigns(), "line signs");
        assertFalse(type.describe().takesFromExpiredLots(), "expired stock is not picked");
        assertFalse(type.describe().createsLots(), "corrections name existing lots");
    }

    @Test
    void returnAddsAtLotCost() {
        long a = stock.lot("A", "A", "L1", null, "56", "3.00");

        List<ProposedLine> lines = assertProposes(type, request().line(a, "10", Map.of("note", "picked twice"))
                .build(), stock);

        assertEquals(1, lines.size(), "one line");
        assertEquals(new BigDecimal("10"), lines.get(0).quantity(), "returned");
        assertEquals(CostSource.lotCost(), lines.get(0).cost(), "at the lot's cost");
        assertEquals(Map.of("orderReference", "SO-1001"), lines.get(0).attributes(), "order reference");
        assertEquals("picked twice", lines.get(0).note(), "note");
        assertQuantityAfter(lines, stock, a, "66");
        assertValue(lines, stock, 0, "30.00");
    }

    @Test
    void negativeTakesMore() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        List<ProposedLine> lines = assertProposes(type, request().line(a, "-3", Map.of()).build(), stock);

        assertEquals(new BigDecimal("-3"), lines.get(0).quantity(), "taken");
        assertEquals(Map.of("orderReference", "SO-1001"), lines.get(0).attributes(), "order reference");
        assertQuantityAfter(lines, stock, a, "7");
        assertValue(lines, stock, 0, "-6.00");
    }

    @Test
    void bothSignsInOneDocument() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");
        long b = stock.lot("A", "B", "L1", null, "10", "2.50");

        List<ProposedLine> lines = assertProposes(type, request()
                .line(a, "2", Map.of())
                .line(b, "-2", Map.of()).build(), stock);

        assertEquals(2, lines.size(), "two lines");
        assertQuantityAfter(lines, stock, a, "12");
        assertQuantityAfter(lines, stock, b, "8");
        assertValue(lines, stock, 0, "4.00");
        assertValue(lines, stock, 1, "-5.00");
    }

    @Test
    void lotWithoutCostNeedsUnitCost() {
        long z = stock.lot("A", "Z", "L1", null, "4", null);

        assertRejectsWith(type, request().line(z, "1", Map.of()).build(), stock, "lines[0].unitCost",
                "Lot Z has no recorded cost");
        List<ProposedLine> lines = assertProposes(type, request().line(lineWithCost(z, "1", "2.50")).build(), stock);
        assertEquals(CostSource.explicit(new BigDecimal("2.50")), lines.get(0).cost(), "the given cost");
        assertValue(lines, stock, 0, "2.50");
    }

    @Test
    void unitCostOnLotWithCostIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, request().line(lineWithCost(a, "1", "9.99")).build(), stock, "lines[0].unitCost");
        assertRejects(type, request().line(lineWithCost(a, "-1", "9.99")).build(), stock, "lines[0].unitCost");
    }

    @Test
    void negativeUnitCostIsRejected() {
        long z = stock.lot("A", "Z", "L1", null, "4", null);

        assertRejects(type, request().line(lineWithCost(z, "1", "-1")).build(), stock, "lines[0].unitCost");
    }

    @Test
    void expiredLotTakesReturnsOnly() {
        long e = stock.lot("A", "E", "L1", MARCH_31, "8", "1.00");

        assertRejectsWith(type, request().line(e, "-1", Map.of()).build(), stock, "lines[0].lotId",
                "expired on 2025-03-31");
        assertProposes(type, request().line(e, "1", Map.of()).build(), stock);
    }

    @Test
    void missingOrderReferenceIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, Requests.of(PickingCorrectionType.ID, TODAY).line(a, "1", Map.of()).build(), stock,
                "fields.orderReference");
        assertRejects(type, Requests.of(PickingCorrectionType.ID, TODAY).field("orderReference", "  ")
                .line(a, "1", Map.of()).build(), stock, "fields.orderReference");
    }

    @Test
    void zeroOrMissingQuantityIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, request().line(a, "0", Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, request().line(a, null, Map.of()).build(), stock, "lines[0].quantity");
    }

    @Test
    void unknownOrMissingLotIsRejected() {
        assertRejects(type, request().line(8, "1", Map.of()).build(), stock, "lines[0].lotId");
        assertRejects(type, request().line(new RequestLine(0, null, null, BigDecimal.ONE, null, Map.of())).build(),
                stock, "lines[0].lotId");
        assertRejects(type, request().build(), stock, "lines");
    }
}
