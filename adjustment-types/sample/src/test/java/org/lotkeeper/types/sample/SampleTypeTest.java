package org.lotkeeper.types.sample;

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
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.Problem;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class SampleTypeTest {

    private static final LocalDate SEPTEMBER_1 = LocalDate.of(2025, 9, 1);

    private final SampleType type = new SampleType();
    private final InMemoryStock stock = new InMemoryStock(SEPTEMBER_1)
            .product("H", "pcs", 0)
            .product("R", "pcs", 0)
            .location("L1");

    private static Requests request() {
        return Requests.of(SampleType.ID, SEPTEMBER_1).field("recipient", "Dr. Weber");
    }

    /** Creates a line that names a product and lets the type choose lots. */
    private static RequestLine productLine(int index, String sku, String quantity) {
        return new RequestLine(index, null, null, new BigDecimal(quantity), null, Map.of("product", sku));
    }

    /** Adds the lots of product H and returns their ids in the order H1, H2, H3. */
    private long[] productH() {
        long h1 = stock.lot("H", "H1", "L1", LocalDate.of(2025, 8, 1), "14", "1.00");
        long h2 = stock.lot("H", "H2", "L1", LocalDate.of(2025, 9, 10), "3", "1.00");
        long h3 = stock.lot("H", "H3", "L1", LocalDate.of(2025, 9, 3), "2", "1.00");
        return new long[] {h1, h2, h3};
    }

    @Test
    void descriptorAllowsOnlyNegativeLines() {
        assertEquals("sample", type.describe().id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE), type.describe().lineSigns(), "line signs");
        assertFalse(type.describe().takesFromExpiredLots(), "expired stock is not given away");
    }

    @Test
    void namedLotGivesSampleQuantity() {
        long r1 = stock.lot("R", "R1", "L1", null, "100", "5.00");

        List<ProposedLine> lines = assertProposes(type, request().line(r1, "3", Map.of("note", "fair")).build(),
                stock);

        assertEquals(1, lines.size(), "one line");
        assertEquals(new BigDecimal("-3"), lines.get(0).quantity(), "the sample quantity");
        assertEquals(Map.of("recipient", "Dr. Weber"), lines.get(0).attributes(), "recipient");
        assertEquals("fair", lines.get(0).note(), "note");
        assertQuantityAfter(lines, stock, r1, "97");
        assertValue(lines, stock, 0, "-15.00");
    }

    @Test
    void automaticChoiceSkipsExpiredAndSplits() {
        long[] h = productH();

        List<ProposedLine> lines = assertProposes(type, request().line(productLine(0, "H", "5")).build(), stock);

        assertEquals(2, lines.size(), "two lots");
        assertEquals(LotTarget.existing(h[2]), lines.get(0).target(), "H3 expires first");
        assertEquals(new BigDecimal("-2"), lines.get(0).quantity(), "all of H3");
        assertEquals(LotTarget.existing(h[1]), lines.get(1).target(), "then H2");
        assertEquals(new BigDecimal("-3"), lines.get(1).quantity(), "all of H2");
        assertQuantityAfter(lines, stock, h[0], "14");
        assertEquals(0, lines.get(1).requestLine(), "from request line 0");
        assertEquals(Map.of("recipient", "Dr. Weber"), lines.get(1).attributes(), "recipient on chosen lots");
    }

    @Test
    void automaticChoiceShortIsRejected() {
        productH();

        Problem problem = assertRejectsWith(type, request().line(productLine(0, "H", "6")).build(), stock,
                "lines[0].quantity", "requested 6, available 5 (not expired)");
        assertEquals("6", problem.value(), "the requested quantity");
    }

    @Test
    void automaticChoiceUsesLotsWithoutExpiryLast() {
        long none = stock.lot("H", "N1", "L1", null, "10", "1.00");
        long later = stock.lot("H", "H9", "L1", LocalDate.of(2030, 1, 1), "1", "1.00");

        List<ProposedLine> lines = assertProposes(type, request().line(productLine(0, "H", "3")).build(), stock);

        assertEquals(LotTarget.existing(later), lines.get(0).target(), "dated lot first");
        assertEquals(LotTarget.existing(none), lines.get(1).target(), "undated lot last");
        assertEquals(new BigDecimal("-2"), lines.get(1).quantity(), "rest from the undated lot");
    }

    @Test
    void lotExpiringTodayIsChosen() {
        long today = stock.lot("H", "T", "L1", SEPTEMBER_1, "1", "1.00");

        List<ProposedLine> lines = assertProposes(type, request().line(productLine(0, "H", "1")).build(), stock);

        assertEquals(LotTarget.existing(today), lines.get(0).target(), "usable on its last day of use");
    }

    @Test
    void twoProductLinesDoNotTakeSameStock() {
        long[] h = productH();

        List<ProposedLine> lines = assertProposes(type, request()
                .line(productLine(0, "H", "1"))
                .line(productLine(1, "H", "2")).build(), stock);

        assertEquals(3, lines.size(), "H3 for line 0, then H3 and H2 for line 1");
        assertQuantityAfter(lines, stock, h[2], "0");
        assertQuantityAfter(lines, stock, h[1], "2");
        assertEquals(1, lines.get(2).requestLine(), "from request line 1");
    }

    @Test
    void namedLotIsReservedBeforeChoice() {
        long[] h = productH();

        List<ProposedLine> lines = assertProposes(type, request()
                .line(productLine(0, "H", "2"))
                .line(h[2], "1", Map.of()).build(), stock);

        assertQuantityAfter(lines, stock, h[2], "0");
        assertQuantityAfter(lines, stock, h[1], "2");
        assertRejectsWith(type, request()
                .line(productLine(0, "H", "5"))
                .line(h[2], "1", Map.of()).build(), stock, "lines[0].quantity", "requested 5, available 4");
    }

    @Test
    void expiredNamedLotIsRejected() {
        long[] h = productH();

        assertRejectsWith(type, request().line(h[0], "1", Map.of()).build(), stock, "lines[0].lotId",
                "expired on 2025-08-01");
    }

    @Test
    void lotAndProductTogetherAreRejected() {
        long[] h = productH();

        assertRejects(type, request().line(h[1], "1", Map.of("product", "H")).build(), stock,
                "lines[0].fields.product");
    }

    @Test
    void unknownProductOrLotIsRejected() {
        assertRejects(type, request().line(productLine(0, "NOPE", "1")).build(), stock, "lines[0].fields.product");
        assertRejects(type, request().line(12, "1", Map.of()).build(), stock, "lines[0].lotId");
        assertRejects(type, request().line(new RequestLine(0, null, null, BigDecimal.ONE, null, Map.of())).build(),
                stock, "lines[0].lotId");
    }

    @Test
    void badQuantityIsRejected() {
        long r1 = stock.lot("R", "R1", "L1", null, "100", "5.00");

        assertRejects(type, request().line(r1, "0", Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, request().line(r1, "-3", Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, request().line(r1, null, Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, request().line(productLine(0, "R", "0")).build(), stock, "lines[0].quantity");
    }

    @Test
    void missingRecipientOrLinesIsRejected() {
        long r1 = stock.lot("R", "R1", "L1", null, "100", "5.00");

        assertRejects(type, Requests.of(SampleType.ID, SEPTEMBER_1).line(r1, "3", Map.of()).build(), stock,
                "fields.recipient");
        assertRejects(type, request().build(), stock, "lines");
    }
}
