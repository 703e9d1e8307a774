package org.lotkeeper.types.stocktake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotkeeper.testkit.ProposalAssert.assertProposes;
import static org.lotkeeper.testkit.ProposalAssert.assertProposesNoLines;
import static org.lotkeeper.testkit.ProposalAssert.assertQuantityAfter;
import static org.lotkeeper.testkit.ProposalAssert.assertRejects;
import static org.lotkeeper.testkit.ProposalAssert.assertRejectsWith;
import static org.lotkeeper.testkit.ProposalAssert.assertValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class StocktakeTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    private final StocktakeType type = new StocktakeType();
    private final InMemoryStock stock = new InMemoryStock(TODAY).product("A", "pcs", 0).location("L1");

    private static Requests sheet() {
        return Requests.of(StocktakeType.ID, TODAY);
    }

    /** Creates a count line; a {@code null} count leaves the lot uncounted. */
    private static RequestLine count(int index, long lotId, String counted) {
        return countWith(index, lotId, counted, null, null);
    }

    /** Creates a count line with a snapshot and a unit cost, each {@code null} when not given. */
    private static RequestLine countWith(int index, long lotId, String counted, String snapshot, String unitCost) {
        Map<String, String> fields = new HashMap<>();
        fields.put("counted", counted == null ? "" : counted);
        if (snapshot != null) {
            fields.put("snapshot", snapshot);
        }
        return new RequestLine(index, lotId, null, null, unitCost == null ? null : new BigDecimal(unitCost), fields);
    }

    @Test
    void descriptorAllowsBothSigns() {
        assertEquals("stocktake", type.describe().id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE, LineSign.POSITIVE), type.describe().lineSigns(), "line signs");
        assertTrue(type.describe().takesFromExpiredLots(), "expired lots are counted too");
    }

    @Test
    void blankCountIsSkippedNotZero() {
        long a = stock.lot("A", "A", "L1", null, "3", "4.00");
        long b = stock.lot("A", "B", "L1", null, "5", "4.00");

        List<ProposedLine> lines = assertProposes(type, sheet()
                .line(count(0, a, null))
                .line(count(1, b, "4")).build(), stock);

        assertEquals(1, lines.size(), "only B");
        assertEquals(LotTarget.existing(b), lines.get(0).target(), "B");
        assertEquals(new BigDecimal("-1"), lines.get(0).quantity(), "variance of B");
        assertEquals(1, lines.get(0).requestLine(), "from request line 1");
        assertQuantityAfter(lines, stock, a, "3");
        assertValue(lines, stock, 0, "-4.00");
    }

    @Test
    void explicitZeroEmptiesLot() {
        long a = stock.lot("A", "A", "L1", null, "3", "4.00");

        List<ProposedLine> lines = assertProposes(type, sheet().line(count(0, a, "0")).build(), stock);

        assertEquals(new BigDecimal("-3"), lines.get(0).quantity(), "all of A");
        assertValue(lines, stock, 0, "-12.00");
    }

    @Test
    void countsOfOneLotAddUp() {
        long a = stock.lot("A", "A", "L1", null, "10", "1.50");

        List<ProposedLine> lines = assertProposes(type, sheet()
                .line(count(0, a, "6"))
                .line(count(1, a, "3")).build(), stock);

        assertEquals(1, lines.size(), "one line for the lot");
        assertEquals(new BigDecimal("-1"), lines.get(0).quantity(), "9 counted against 10");
        assertEquals(Map.of("counted", "9", "snapshot", "10"), lines.get(0).attributes(), "attributes");
        assertValue(lines, stock, 0, "-1.50");
    }

    @Test
    void snapshotIsTheBaseOfVariance() {
        long a = stock.lot("A", "A", "L1", null, "8", "1.00");

        List<ProposedLine> before = assertProposes(type, sheet().line(countWith(0, a, "7", "10", null)).build(),
                stock);
        List<ProposedLine> after = assertProposes(type, sheet().line(count(0, a, "7")).build(), stock);

        assertEquals(new BigDecimal("-3"), before.get(0).quantity(), "counted before the movement: 7 - 10");
        assertQuantityAfter(before, stock, a, "5");
        assertEquals(new BigDecimal("-1"), after.get(0).quantity(), "counted after the movement: 7 - 8");
        assertQuantityAfter(after, stock, a, "7");
    }

    @Test
    void pastStocktakeUsesQuantityOfItsDate() {
        LocalDate day3 = LocalDate.of(2025, 1, 3);
        InMemoryStock onDay3 = new InMemoryStock(day3).product("A", "pcs", 0).location("L1");
        long a = onDay3.lot("A", "A", "L1", null, "100", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(StocktakeType.ID, day3)
                .line(count(0, a, "95")).build(), onDay3);

        assertEquals(new BigDecimal("-5"), lines.get(0).quantity(), "95 counted against 100 on day 3");
        assertValue(lines, onDay3, 0, "-5.00");
    }

    @Test
    void unchangedLotsGetNoLine() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");
        long b = stock.lot("A", "B", "L1", null, "8", "3.00");
        long z = stock.lot("A", "Z", "L1", null, "4", null);

        List<ProposedLine> lines = assertProposes(type, sheet()
                .line(count(0, a, "5"))
                .line(count(1, b, "6"))
                .line(count(2, z, "4")).build(), stock);

        assertEquals(1, lines.size(), "only B changes");
        assertEquals(LotTarget.existing(b), lines.get(0).target(), "B");
        assertEquals(new BigDecimal("-2"), lines.get(0).quantity(), "6 counted against 8");
        assertValue(lines, stock, 0, "-6.00");
    }

    @Test
    void extraStockWithoutCostIsRejected() {
        long z = stock.lot("A", "Z", "L1", null, "4", null);

        assertRejectsWith(type, sheet().line(count(0, z, "5")).build(), stock, "lines[0].unitCost",
                "Z has no recorded cost; give a unit cost for the extra unit");
        assertRejectsWith(type, sheet().line(count(0, z, "7")).build(), stock, "lines[0].unitCost",
                "for the 3 extra units");
    }

    @Test
    void extraStockTakesGivenCost() {
        long z = stock.lot("A", "Z", "L1", null, "4", null);

        List<ProposedLine> lines = assertProposes(type, sheet().line(countWith(0, z, "5", null, "2.50")).build(),
                stock);

        assertEquals(new BigDecimal("1"), lines.get(0).quantity(), "one extra unit");
        assertEquals(CostSource.explicit(new BigDecimal("2.50")), lines.get(0).cost(), "the given cost");
        assertValue(lines, stock, 0, "2.50");
    }

    @Test
    void extraStockTakesLotCost() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");

        List<ProposedLine> lines = assertProposes(type, sheet().line(count(0, a, "7")).build(), stock);

        assertEquals(CostSource.lotCost(), lines.get(0).cost(), "the lot's cost");
        assertQuantityAfter(lines, stock, a, "7");
        assertValue(lines, stock, 0, "4.00");
    }

    @Test
    void expiredLotIsCounted() {
        long e = stock.lot("A", "E", "L1", LocalDate.of(2025, 3, 31), "8", "1.00");

        List<ProposedLine> lines = assertProposes(type, sheet().line(count(0, e, "6")).build(), stock);

        assertEquals(new BigDecimal("-2"), lines.get(0).quantity(), "expired stock counted");
    }

    @Test
    void matchingSheetProposesNoLines() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");
        long b = stock.lot("A", "B", "L1", null, "8", "3.00");

        assertProposesNoLines(type, sheet()
                .line(count(0, a, "5"))
                .line(count(1, b, "8.0")).build(), stock);
    }

    @Test
    void sheetWithoutCountIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");

        assertRejects(type, sheet().line(count(0, a, null)).build(), stock, "lines");
        assertRejects(type, sheet().build(), stock, "lines");
    }

    @Test
    void invalidCountIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");

        assertRejects(type, sheet().line(count(0, a, "abc")).build(), stock, "lines[0].fields.counted");
        assertRejects(type, sheet().line(count(0, a, "-1")).build(), stock, "lines[0].fields.counted");
        assertRejects(type, sheet().line(countWith(0, a, "4", "x", null)).build(), stock, "lines[0].fields.snapshot");
        assertRejects(type, sheet().line(countWith(0, a, "6", null, "-1")).build(), stock, "lines[0].unitCost");
    }

    @Test
    void quantityInsteadOfCountIsRejected() {
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");

        assertRejects(type, sheet().line(a, "4", Map.of()).build(), stock, "lines[0].quantity");
    }

    @Test
    void conflictingSnapshotsAreRejected() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, sheet()
                .line(countWith(0, a, "4", "10", null))
                .line(countWith(1, a, "4", "9", null)).build(), stock, "lines[1].fields.snapshot");
    }

    @Test
    void unknownOrMissingLotIsRejected() {
        assertRejects(type, sheet().line(count(0, 3, "1")).build(), stock, "lines[0].lotId");
        assertRejects(type, sheet().line(new RequestLine(0, null, null, null, null, Map.of("counted", "1"))).build(),
                stock, "lines[0].lotId");
    }
}
