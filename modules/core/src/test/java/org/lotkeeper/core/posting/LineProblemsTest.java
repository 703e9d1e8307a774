package org.lotkeeper.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.lots.Lot;

/**
 * Problems of the posting checks: they quote the quantity the user entered and name the request
 * line's quantity field, also when a type negated the quantity or summed several lines.
 */
class LineProblemsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final Lot lot = lotOf("PART-0028", "pcs", 0, "3890");

    @Test
    void decimalsProblemQuotesEnteredQuantity() {
        PlannedLine writeOff = line(0, 0, "1.5", "-1.5");

        List<Problem> problems = checkLines(writeOff);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("lines[0].quantity", problems.get(0).field());
        assertEquals("1.5", problems.get(0).value());
        assertEquals("Quantity 1.5 of PART-0028 has too many decimals: unit pcs allows 0 (whole units only).",
                problems.get(0).message());
    }

    @Test
    void decimalsProblemKeepsSignUserTyped() {
        PlannedLine correction = line(0, 0, "-2.5", "-2.5");

        List<Problem> problems = checkLines(correction);

        assertEquals("-2.5", problems.get(0).value());
        assertEquals("Quantity -2.5 of PART-0028 has too many decimals: unit pcs allows 0 (whole units only).",
                problems.get(0).message());
    }

    @Test
    void decimalsProblemNamesRequestLineNotPosition() {
        // The type split request line 1 over two lots, so the planned line is the document's third.
        PlannedLine second = line(2, 1, "4.5", "-0.5");

        List<Problem> problems = checkLines(line(0, 0, "2", "-2"), line(1, 1, "4.5", "-4"), second);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("lines[1].quantity", problems.get(0).field());
        assertEquals("4.5", problems.get(0).value());
    }

    @Test
    void decimalsProblemOfComputedLineQuotesItsSize() {
        PlannedLine component = line(1, 0, "3", "-1.5");

        List<Problem> problems = checkLines(component);

        assertEquals("lines[0].quantity", problems.get(0).field());
        assertEquals("1.5", problems.get(0).value());
        assertEquals("Quantity 1.5 of PART-0028 has too many decimals: unit pcs allows 0 (whole units only).",
                problems.get(0).message());
    }

    @Test
    void decimalsProblemOfLineWithoutRequestLine() {
        PlannedLine output = line(3, -1, null, "2.5");

        List<Problem> problems = checkLines(output);

        assertEquals("lines[3].quantity", problems.get(0).field());
        assertEquals("2.5", problems.get(0).value());
    }

    @Test
    void shortageOfOneLineNamesItsQuantity() {
        List<Problem> problems = new ArrayList<>();

        BalanceHistory.checkCurrent(lot, List.of(line(0, 0, "4000", "-4000")), new BigDecimal("-4000"), problems);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("lines[0].quantity", problems.get(0).field());
        assertEquals("4000", problems.get(0).value());
        assertEquals("Not enough stock in lot ALL of PART-0028 at A-01: requested 4000, available 3890.",
                problems.get(0).message());
    }

    @Test
    void shortageOfSummedLinesNamesEveryLine() {
        List<PlannedLine> lines = List.of(line(0, 0, "1", "-1"), line(1, 1, "99999", "-99999"));
        List<Problem> problems = new ArrayList<>();

        BalanceHistory.checkCurrent(lot, lines, ShortageProblems.delta(lines), problems);

        String message = "Not enough stock in lot ALL of PART-0028 at A-01: lines[0] and lines[1] together request"
                + " 100000, available 3890.";
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(new Problem("lines[0].quantity", "1", message), problems.get(0));
        assertEquals(new Problem("lines[1].quantity", "99999", message), problems.get(1));
    }

    @Test
    void summedLinesWithinStockPass() {
        // Each line fits alone and together they use the lot up exactly.
        List<PlannedLine> lines = List.of(line(0, 0, "3000", "-3000"), line(1, 1, "890", "-890"));
        List<Problem> problems = new ArrayList<>();

        BalanceHistory.checkCurrent(lot, lines, ShortageProblems.delta(lines), problems);

        assertEquals(List.of(), problems);
    }

    @Test
    void summedLinesOverStockFailTogether() {
        // Each line fits alone, but not both.
        List<PlannedLine> lines = List.of(line(0, 0, "3000", "-3000"), line(1, 1, "891", "-891"));
        List<Problem> problems = new ArrayList<>();

        BalanceHistory.checkCurrent(lot, lines, ShortageProblems.delta(lines), problems);

        String message = "Not enough stock in lot ALL of PART-0028 at A-01: lines[0] and lines[1] together request"
                + " 3891, available 3890.";
        assertEquals(List.of(new Problem("lines[0].quantity", "3000", message),
                new Problem("lines[1].quantity", "891", message)), problems);
    }

    @Test
    void laterNegativeBalanceNamesSummedLines() {
        List<PlannedLine> lines = List.of(line(0, 0, "2", "-2"), line(1, 2, "3", "-3"), line(2, 3, "1", "-1"));

        List<Problem> problems = ShortageProblems.negativeLater(lot, lines, new BigDecimal("6"), "2026-03-01",
                new BigDecimal("-4"), "2026-03-05 (document 17)");

        String message = "Removing 6 (lines[0], lines[2] and lines[3] together) from lot ALL of PART-0028 on"
                + " 2026-03-01 would leave it at -4 after 2026-03-05 (document 17).";
        assertEquals(List.of(new Problem("lines[0].quantity", "2", message),
                new Problem("lines[2].quantity", "3", message),
                new Problem("lines[3].quantity", "1", message)), problems);
    }

    private List<Problem> checkLines(PlannedLine... lines) {
        Map<Long, LotBalance> balances = new HashMap<>();
        balances.put(lot.getId(), new LotBalance(lot));
        List<Problem> problems = new ArrayList<>();
        PostingEngine.checkLines(List.of(lines), balances, false, TODAY, problems);
        return problems;
    }

    private PlannedLine line(int lineNo, int requestLine, String entered, String quantity) {
        return new PlannedLine(lineNo, requestLine, entered == null ? null : new BigDecimal(entered), lot,
                new BigDecimal(quantity), CostSource.lotCost(), null, null, null, Map.of(), null, false);
    }

    private static Lot lotOf(String sku, String unit, int decimals, String quantity) {
        Product product = new Product(sku, "Part", unit, decimals, ProductInfo.Tracking.LOT, false);
        Lot lot = new Lot(product, "ALL", new Location("A-01", "Aisle 1", null), null, null, Instant.EPOCH);
        lot.apply(new BigDecimal(quantity), new BigDecimal("7780.00"), new BigDecimal("2.00"), Instant.EPOCH);
        return lot;
    }
}
