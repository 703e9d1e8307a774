package org.lotkeeper.types.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class ExpiryTypeTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);
    private static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

    private final ExpiryType type = new ExpiryType();

    private static InMemoryStock stockOn(LocalDate date) {
        return new InMemoryStock(date).product("E", "pcs", 0).product("H", "pcs", 0).location("L1");
    }

    private static RequestLine wholeLot(int index, long lotId) {
        return new RequestLine(index, lotId, null, null, null, Map.of());
    }

    @Test
    void descriptorTakesFromExpiredLots() {
        TypeDescriptor descriptor = type.describe();

        assertEquals("expiry", descriptor.id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE), descriptor.lineSigns(), "line signs");
        assertTrue(descriptor.takesFromExpiredLots(), "expired stock is what this type removes");
    }

    @Test
    void expiredLotIsWrittenOff() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E", "L1", MARCH_31, "8", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(ExpiryType.ID, APRIL_1)
                .line(e, "8", Map.of("note", "found in the back")).build(), stock);

        assertEquals(1, lines.size(), "one line");
        assertEquals(new BigDecimal("-8"), lines.get(0).quantity(), "quantity");
        assertEquals("EXPIRED", lines.get(0).reasonCode(), "reason");
        assertEquals("found in the back", lines.get(0).note(), "note");
        assertEquals(0, lines.get(0).requestLine(), "from request line 0");
        assertQuantityAfter(lines, stock, e, "0");
        assertValue(lines, stock, 0, "-8.00");
    }

    @Test
    void blankQuantityTakesWholeLot() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E", "L1", MARCH_31, "8", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(ExpiryType.ID, APRIL_1).line(wholeLot(0, e)).build(),
                stock);

        assertEquals(new BigDecimal("-8"), lines.get(0).quantity(), "the lot's whole quantity");
        assertNull(lines.get(0).note(), "no note");
    }

    @Test
    void partialQuantityIsAllowed() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E", "L1", MARCH_31, "8", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(ExpiryType.ID, APRIL_1).line(e, "3", Map.of())
                .build(), stock);

        assertQuantityAfter(lines, stock, e, "5");
        assertValue(lines, stock, 0, "-3.00");
    }

    @Test
    void lotOnItsLastDayIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, MARCH_31).line(e, "8", Map.of()).build(), stock,
                "lines[0].lotId", "Lot E1 is not expired on 2025-03-31 because its last day of use is 2025-03-31");
    }

    @Test
    void earlierAsOfDateRejectsLaterExpiry() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, APRIL_1).field("asOf", "2025-03-31")
                .line(wholeLot(0, e)).build(), stock, "lines[0].lotId", "not expired on 2025-03-31");
    }

    @Test
    void asOfAfterEffectiveDateIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejects(type, Requests.of(ExpiryType.ID, MARCH_31).field("asOf", "2025-04-01")
                .line(wholeLot(0, e)).build(), stock, "fields.asOf");
    }

    @Test
    void invalidAsOfIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, APRIL_1).field("asOf", "31.03.2025")
                .line(wholeLot(0, e)).build(), stock, "fields.asOf", "2025-03-31");
    }

    @Test
    void lotWithoutExpiryIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long a = stock.lot("E", "A", "L1", null, "10", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, APRIL_1).line(wholeLot(0, a)).build(), stock,
                "lines[0].lotId", "no expiry date");
    }

    @Test
    void emptyExpiredLotIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "0", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, APRIL_1).line(wholeLot(0, e)).build(), stock,
                "lines[0].quantity", "no stock");
    }

    @Test
    void nonPositiveQuantityIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).line(e, "0", Map.of()).build(), stock,
                "lines[0].quantity");
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).line(e, "-2", Map.of()).build(), stock,
                "lines[0].quantity");
    }

    @Test
    void unknownOrMissingLotIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);

        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).line(wholeLot(0, 77)).build(), stock,
                "lines[0].lotId");
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1)
                .line(new RequestLine(0, null, null, BigDecimal.ONE, null, Map.of())).build(), stock, "lines[0].lotId");
    }

    @Test
    void allExpiredLotsOfProduct() {
        LocalDate today = LocalDate.of(2025, 9, 1);
        InMemoryStock stock = stockOn(today);
        long h1 = stock.lot("H", "H1", "L1", LocalDate.of(2025, 8, 1), "14", "1.00");
        stock.lot("H", "H2", "L1", LocalDate.of(2025, 9, 10), "3", "1.00");
        stock.lot("H", "H3", "L1", LocalDate.of(2025, 9, 3), "2", "1.00");
        stock.lot("H", "H4", "L1", LocalDate.of(2025, 7, 1), "0", "1.00");
        long h5 = stock.lot("H", "H5", "L1", LocalDate.of(2025, 8, 31), "6", "0.50");
        stock.lot("E", "E1", "L1", LocalDate.of(2025, 1, 1), "5", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(ExpiryType.ID, today)
                .field("all", "true").field("product", "H").build(), stock);

        assertEquals(2, lines.size(), "H1 and H5, not the usable H2 and H3, the empty H4 or other products");
        assertEquals(LotTarget.existing(h1), lines.get(0).target(), "H1 first");
        assertEquals(new BigDecimal("-14"), lines.get(0).quantity(), "all of H1");
        assertEquals(LotTarget.existing(h5), lines.get(1).target(), "H5 second");
        assertEquals(new BigDecimal("-6"), lines.get(1).quantity(), "all of H5");
        assertEquals(-1, lines.get(0).requestLine(), "no request line");
        assertEquals("EXPIRED", lines.get(1).reasonCode(), "reason");
        assertValue(lines, stock, 1, "-3.00");
    }

    @Test
    void allWithEarlierAsOfDate() {
        LocalDate today = LocalDate.of(2025, 9, 1);
        InMemoryStock stock = stockOn(today);
        long h1 = stock.lot("H", "H1", "L1", LocalDate.of(2025, 8, 1), "14", "1.00");
        stock.lot("H", "H5", "L1", LocalDate.of(2025, 8, 31), "6", "0.50");

        List<ProposedLine> lines = assertProposes(type, Requests.of(ExpiryType.ID, today)
                .field("all", "TRUE").field("product", "H").field("asOf", "2025-08-15").build(), stock);

        assertEquals(1, lines.size(), "only H1 was expired on 2025-08-15");
        assertEquals(LotTarget.existing(h1), lines.get(0).target(), "H1");
    }

    @Test
    void allWithoutExpiredLotIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        stock.lot("H", "H1", "L1", MARCH_31, "14", "1.00");

        assertRejectsWith(type, Requests.of(ExpiryType.ID, MARCH_31).field("all", "true").field("product", "H")
                .build(), stock, "fields.product", "No lot of H with stock is expired on 2025-03-31");
    }

    @Test
    void allWithoutProductIsRejected() {
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).field("all", "true").build(), stockOn(APRIL_1),
                "fields.product");
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).field("all", "true").field("product", "NOPE")
                .build(), stockOn(APRIL_1), "fields.product");
    }

    @Test
    void allTogetherWithLinesIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("E", "E1", "L1", MARCH_31, "10", "1.00");

        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).field("all", "true").field("product", "E")
                .line(wholeLot(0, e)).build(), stock, "fields.all");
    }

    @Test
    void invalidAllValueIsRejected() {
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).field("all", "yes").field("product", "E").build(),
                stockOn(APRIL_1), "fields.all");
    }

    @Test
    void noLinesAndNoAllIsRejected() {
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).build(), stockOn(APRIL_1), "lines");
        assertRejects(type, Requests.of(ExpiryType.ID, APRIL_1).field("all", "false").build(), stockOn(APRIL_1),
                "lines");
    }
}
