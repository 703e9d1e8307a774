package org.lotkeeper.types.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.ProposalValues;
import org.lotkeeper.testkit.Requests;

class TransferTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    private final TransferType type = new TransferType();
    private final InMemoryStock stock = new InMemoryStock(TODAY)
            .product("A", "pcs", 0)
            .product("B", "pcs", 0)
            .product(new ProductInfo("Y", "Y", "pcs", 0, ProductInfo.Tracking.SERIAL, false))
            .location("L1")
            .location("L2");

    private static Map<String, String> toLocation(String code) {
        return Map.of("toLocation", code);
    }

    private static Map<String, String> toLot(long lotId) {
        return Map.of("toLotId", Long.toString(lotId));
    }

    @Test
    void descriptorAllowsBothSignsAndNewLots() {
        TypeDescriptor descriptor = type.describe();

        assertEquals("transfer", descriptor.id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE, LineSign.POSITIVE), descriptor.lineSigns(), "line signs");
        assertTrue(descriptor.createsLots(), "a move to a new location creates a lot");
        assertTrue(descriptor.takesFromExpiredLots(), "expired stock may be moved");
    }

    @Test
    void moveToNewLocationCreatesSameBatch() {
        LocalDate expiry = LocalDate.of(2025, 12, 31);
        long a1 = stock.lot("A", "B-17", "L1", expiry, "10", "1.25");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(a1, "4", toLocation("L2")).build(), stock);

        assertEquals(2, lines.size(), "source and destination");
        assertEquals(LotTarget.existing(a1), lines.get(0).target(), "source");
        assertEquals(new BigDecimal("-4"), lines.get(0).quantity(), "removed from the source");
        assertEquals(LotTarget.create(new NewLot("A", "B-17", "L2", expiry, "ok")), lines.get(1).target(),
                "same product, code, expiry and condition at L2");
        assertEquals(new BigDecimal("4"), lines.get(1).quantity(), "added at the destination");
        assertEquals(CostSource.consumed(List.of(0), BigDecimal.ZERO), lines.get(1).cost(),
                "the destination receives the source line's value");
        assertQuantityAfter(lines, stock, a1, "6");
        assertValue(lines, stock, 0, "-5.00");
        assertValue(lines, stock, 1, "5.00");
    }

    @Test
    void moveToLocationUsesExistingLot() {
        long a1 = stock.lot("A", "B-17", "L1", null, "10", "1.25");
        long a2 = stock.lot("A", "B-17", "L2", null, "1", "1.25");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(a1, "10", toLocation("L2")).build(), stock);

        assertEquals(LotTarget.existing(a2), lines.get(1).target(), "the batch already at L2");
        assertQuantityAfter(lines, stock, a1, "0");
        assertQuantityAfter(lines, stock, a2, "11");
        assertValue(lines, stock, 1, "12.50");
    }

    @Test
    void moveToExistingLotConservesValue() {
        long a1 = stock.lot("A", "A1", "L1", null, "3", "0.3333");
        stock.lotValue(a1, "1.00");
        long a2 = stock.lot("A", "A2", "L2", null, "5", "0.50");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(a1, "3", toLot(a2)).build(), stock);

        assertEquals(LotTarget.existing(a2), lines.get(1).target(), "destination lot");
        assertValue(lines, stock, 0, "-1.00");
        assertValue(lines, stock, 1, "1.00");
        assertEquals(0, ProposalValues.total(lines, stock).signum(), "value is conserved");
    }

    @Test
    void secondLineReferencesItsOwnRemoval() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");
        long b1 = stock.lot("B", "B1", "L1", null, "10", "2.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(a1, "1", toLocation("L2"))
                .line(b1, "2", Map.of("toLocation", "L2", "note", "shelf change")).build(), stock);

        assertEquals(4, lines.size(), "two lines per move");
        assertEquals(CostSource.consumed(List.of(2), BigDecimal.ZERO), lines.get(3).cost(), "second move");
        assertEquals(1, lines.get(3).requestLine(), "from request line 1");
        assertEquals("shelf change", lines.get(2).note(), "note on the source line");
        assertEquals("shelf change", lines.get(3).note(), "note on the destination line");
        assertValue(lines, stock, 3, "4.00");
    }

    @Test
    void expiredStockMayMove() {
        long e = stock.lot("A", "E", "L1", LocalDate.of(2025, 3, 31), "8", "1.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(e, "8", toLocation("L2")).build(), stock);

        assertEquals(new BigDecimal("-8"), lines.get(0).quantity(), "expired lot emptied");
    }

    @Test
    void serialMovesToNewLocation() {
        long sn = stock.lot("Y", "SN-003", "L1", null, "1", "20.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(TransferType.ID, TODAY)
                .line(sn, "1", toLocation("L2")).build(), stock);

        assertEquals(LotTarget.create(new NewLot("Y", "SN-003", "L2", null, "ok")), lines.get(1).target(),
                "the serial keeps its number");
        assertValue(lines, stock, 1, "20.00");
    }

    @Test
    void serialIntoOtherSerialIsRejected() {
        long sn3 = stock.lot("Y", "SN-003", "L1", null, "1", "20.00");
        long sn4 = stock.lot("Y", "SN-004", "L2", null, "0", "20.00");

        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(sn3, "1", toLot(sn4)).build(), stock,
                "lines[0].fields.toLotId");
    }

    @Test
    void sameSourceAndDestinationIsRejected() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");

        assertRejectsWith(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", toLot(a1)).build(), stock,
                "lines[0].fields.toLotId", "source lot A1");
        assertRejectsWith(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", toLocation("L1")).build(), stock,
                "lines[0].fields.toLocation", "already at L1");
    }

    @Test
    void differentProductIsRejected() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");
        long b1 = stock.lot("B", "B1", "L2", null, "10", "1.00");

        assertRejectsWith(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", toLot(b1)).build(), stock,
                "lines[0].fields.toLotId", "same product");
    }

    @Test
    void unknownDestinationIsRejected() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");

        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", toLocation("L9")).build(), stock,
                "lines[0].fields.toLocation");
        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", toLot(99)).build(), stock,
                "lines[0].fields.toLotId");
        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", Map.of("toLotId", "A2")).build(),
                stock, "lines[0].fields.toLotId");
    }

    @Test
    void missingOrDoubleDestinationIsRejected() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");
        long a2 = stock.lot("A", "A2", "L2", null, "10", "1.00");

        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "1", Map.of()).build(), stock,
                "lines[0].fields.toLocation");
        assertRejects(type, Requests.of(TransferType.ID, TODAY)
                .line(a1, "1", Map.of("toLotId", Long.toString(a2), "toLocation", "L2")).build(), stock,
                "lines[0].fields.toLocation");
    }

    @Test
    void badQuantityIsRejected() {
        long a1 = stock.lot("A", "A1", "L1", null, "10", "1.00");

        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "0", toLocation("L2")).build(), stock,
                "lines[0].quantity");
        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, "-1", toLocation("L2")).build(), stock,
                "lines[0].quantity");
        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(a1, null, toLocation("L2")).build(), stock,
                "lines[0].quantity");
    }

    @Test
    void unknownOrMissingSourceIsRejected() {
        assertRejects(type, Requests.of(TransferType.ID, TODAY).line(5, "1", toLocation("L2")).build(), stock,
                "lines[0].lotId");
        assertRejects(type, Requests.of(TransferType.ID, TODAY)
                .line(new RequestLine(0, null, null, BigDecimal.ONE, null, toLocation("L2"))).build(), stock,
                "lines[0].lotId");
        assertRejects(type, Requests.of(TransferType.ID, TODAY).build(), stock, "lines");
    }
}
