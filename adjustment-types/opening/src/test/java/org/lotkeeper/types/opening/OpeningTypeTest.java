package org.lotkeeper.types.opening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotkeeper.testkit.ProposalAssert.assertProposes;
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
import org.lotkeeper.testkit.Requests;

class OpeningTypeTest {

    private static final LocalDate DAY_1 = LocalDate.of(2025, 1, 1);

    private final OpeningType type = new OpeningType();
    private final InMemoryStock stock = new InMemoryStock(DAY_1)
            .product("A", "pcs", 0)
            .product(new ProductInfo("Y", "Y", "pcs", 0, ProductInfo.Tracking.SERIAL, true))
            .location("L1");

    @Test
    void descriptorAllowsOnlyPositiveLines() {
        TypeDescriptor descriptor = type.describe();

        assertEquals("opening", descriptor.id(), "id");
        assertEquals(Set.of(LineSign.POSITIVE), descriptor.lineSigns(), "line signs");
        assertTrue(descriptor.createsLots(), "opening creates lots");
    }

    @Test
    void newLotGetsExplicitCost() {
        NewLot a = new NewLot("A", "A", "L1", null, null);

        List<ProposedLine> lines = assertProposes(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(a, "100", "1.00", Map.of()).build(), stock);

        assertEquals(1, lines.size(), "one line");
        assertEquals(LotTarget.create(a), lines.get(0).target(), "creates lot A");
        assertEquals(new BigDecimal("100"), lines.get(0).quantity(), "quantity");
        assertEquals(CostSource.explicit(new BigDecimal("1.00")), lines.get(0).cost(), "cost");
        assertValue(lines, stock, 0, "100.00");
    }

    @Test
    void existingLotGetsMoreStock() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(OpeningType.ID, DAY_1)
                .line(new RequestLine(0, a, null, new BigDecimal("5"), new BigDecimal("2.00"), Map.of())).build(), stock);

        assertEquals(LotTarget.existing(a), lines.get(0).target(), "posts to lot A");
        assertValue(lines, stock, 0, "10.00");
    }

    @Test
    void missingCostIsRejected() {
        NewLot a = new NewLot("A", "A", "L1", null, null);

        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(a, "5", null, Map.of()).build(), stock,
                "lines[0].unitCost");
    }

    @Test
    void negativeCostIsRejected() {
        NewLot a = new NewLot("A", "A", "L1", null, null);

        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(a, "5", "-1", Map.of()).build(), stock,
                "lines[0].unitCost");
    }

    @Test
    void nonPositiveQuantityIsRejected() {
        NewLot a = new NewLot("A", "A", "L1", null, null);

        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(a, "0", "1", Map.of()).build(), stock,
                "lines[0].quantity");
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(a, "-3", "1", Map.of()).build(), stock,
                "lines[0].quantity");
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(a, null, "1", Map.of()).build(), stock,
                "lines[0].quantity");
    }

    @Test
    void emptyRequestIsRejected() {
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).build(), stock, "lines");
    }

    @Test
    void unknownLotIsRejected() {
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1)
                .line(new RequestLine(0, 99L, null, BigDecimal.ONE, BigDecimal.ONE, Map.of())).build(), stock,
                "lines[0].lotId");
    }

    @Test
    void lineWithoutLotIsRejected() {
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1)
                .line(new RequestLine(0, null, null, BigDecimal.ONE, BigDecimal.ONE, Map.of())).build(), stock,
                "lines[0].lot");
    }

    @Test
    void lotIdAndNewLotTogetherAreRejected() {
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");
        NewLot other = new NewLot("A", "B", "L1", null, null);

        assertRejects(type, Requests.of(OpeningType.ID, DAY_1)
                .line(new RequestLine(0, a, other, BigDecimal.ONE, BigDecimal.ONE, Map.of())).build(), stock,
                "lines[0].lot");
    }

    @Test
    void unknownProductAndLocationAreRejected() {
        NewLot lot = new NewLot("NOPE", "N1", "L9", null, null);

        List<?> problems = assertRejects(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(lot, "1", "1", Map.of()).build(), stock, "lines[0].newLot.productSku");
        assertRejects(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(lot, "1", "1", Map.of()).build(), stock, "lines[0].newLot.locationCode");
        assertEquals(2, problems.size(), "both problems in one rejection: " + problems);
    }

    @Test
    void usedSerialIsRejected() {
        stock.lot("Y", "SN-003", "L1", null, "0", "10.00");

        assertRejectsWith(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(new NewLot("Y", "SN-003", "L1", null, null), "1", "10.00", Map.of()).build(), stock,
                "lines[0].newLot.code", "SN-003 of Y was already used");
    }

    @Test
    void serialTwiceInRequestIsRejected() {
        NewLot sn10 = new NewLot("Y", "SN-010", "L1", null, null);

        assertRejectsWith(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(sn10, "1", "10.00", Map.of())
                .newLotLine(sn10, "1", "10.00", Map.of()).build(), stock,
                "lines[1].newLot.code", "more than one line");
    }

    @Test
    void serialQuantityAboveOneIsRejected() {
        NewLot sn11 = new NewLot("Y", "SN-011", "L1", null, null);

        assertRejects(type, Requests.of(OpeningType.ID, DAY_1).newLotLine(sn11, "2", "10.00", Map.of()).build(),
                stock, "lines[0].quantity");
    }

    @Test
    void newSerialIsAccepted() {
        NewLot sn12 = new NewLot("Y", "SN-012", "L1", null, null);

        List<ProposedLine> lines = assertProposes(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(sn12, "1", "10.00", Map.of()).build(), stock);

        assertEquals(BigDecimal.ONE, lines.get(0).quantity(), "one unit");
    }

    @Test
    void lineFieldsBecomeAttributes() {
        NewLot a = new NewLot("A", "A", "L1", null, null);

        List<ProposedLine> lines = assertProposes(type, Requests.of(OpeningType.ID, DAY_1)
                .newLotLine(a, "1", "1", Map.of("supplier", "ACME")).build(), stock);

        assertEquals(Map.of("supplier", "ACME"), lines.get(0).attributes(), "attributes");
    }
}
