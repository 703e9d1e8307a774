package org.lotkeeper.types.assemblybuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class AssemblyBuildTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    private final AssemblyBuildType type = new AssemblyBuildType();
    private final InMemoryStock stock = new InMemoryStock(TODAY)
            .product("C", "pcs", 0)
            .product("D", "pcs", 0)
            .product("K", "kg", 3)
            .product(new ProductInfo("V", "V", "pcs", 0, ProductInfo.Tracking.LOT, true))
            .product(new ProductInfo("W", "W", "pcs", 0, ProductInfo.Tracking.LOT, true))
            .product(new ProductInfo("Y", "Y", "pcs", 0, ProductInfo.Tracking.SERIAL, true))
            .bom("V", "C", "4")
            .bom("W", "D", "3")
            .bom("Y", "C", "2")
            .location("L1");

    private static Requests build(String assembly, String quantity, String outputLot) {
        return Requests.of(AssemblyBuildType.ID, TODAY)
                .field("assembly", assembly)
                .field("quantity", quantity)
                .field("outputLot", outputLot)
                .field("outputLocation", "L1");
    }

    @Test
    void descriptorConsumesAndCreates() {
        TypeDescriptor descriptor = type.describe();

        assertEquals("assembly-build", descriptor.id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE, LineSign.POSITIVE), descriptor.lineSigns(), "line signs");
        assertTrue(descriptor.createsLots(), "the output is a new lot");
        assertFalse(descriptor.takesFromExpiredLots(), "expired components are never consumed");
    }

    @Test
    void chosenLotsAreConsumed() {
        long c1 = stock.lot("C", "C1", "L1", null, "10", "1.00");
        long c2 = stock.lot("C", "C2", "L1", null, "10", "1.50");

        List<ProposedLine> lines = assertProposes(type, build("V", "1", "V1")
                .line(c1, "2", Map.of())
                .line(c2, "2", Map.of()).build(), stock);

        assertEquals(3, lines.size(), "two components and the output");
        assertQuantityAfter(lines, stock, c1, "8");
        assertQuantityAfter(lines, stock, c2, "8");
        assertEquals(0, lines.get(0).requestLine(), "C1 chosen on line 0");
        assertEquals(1, lines.get(1).requestLine(), "C2 chosen on line 1");
        ProposedLine output = lines.get(2);
        assertEquals(LotTarget.create(new NewLot("V", "V1", "L1", null, null)), output.target(), "output lot V1");
        assertEquals(new BigDecimal("1"), output.quantity(), "one V");
        assertEquals(CostSource.consumed(List.of(0, 1), BigDecimal.ZERO), output.cost(), "value of both components");
        assertEquals(-1, output.requestLine(), "no request line asks for the output");
        assertEquals(c1 + ":2," + c2 + ":2", output.attributes().get("origin"), "origin lists C1 x 2 and C2 x 2");
        assertValue(lines, stock, 0, "-2.00");
        assertValue(lines, stock, 1, "-3.00");
        assertValue(lines, stock, 2, "5.00");
    }

    @Test
    void componentsChosenFirstExpiryFirstOut() {
        long d1 = stock.lot("D", "D1", "L1", null, "40", "0.50");

        List<ProposedLine> lines = assertProposes(type, build("W", "1", "W1").build(), stock);

        assertEquals(2, lines.size(), "one component line and the output");
        assertQuantityAfter(lines, stock, d1, "37");
        assertEquals(-1, lines.get(0).requestLine(), "chosen by the type");
        assertEquals(new BigDecimal("1"), lines.get(1).quantity(), "one W");
        assertValue(lines, stock, 1, "1.50");
        assertEquals(d1 + ":3", lines.get(1).attributes().get("origin"), "origin");
    }

    @Test
    void buildConsumesForItsQuantity() {
        long d1 = stock.lot("D", "D1", "L1", null, "40", "0.50");

        List<ProposedLine> two = assertProposes(type, build("W", "2", "W1").build(), stock);
        List<ProposedLine> one = assertProposes(type, build("W", "1", "W1").build(), stock);

        assertQuantityAfter(two, stock, d1, "34");
        assertValue(two, stock, 1, "3.00");
        assertQuantityAfter(one, stock, d1, "37");
        assertValue(one, stock, 1, "1.50");
    }

    @Test
    void shortComponentIsRejected() {
        stock.lot("D", "D1", "L1", null, "2", "0.50");

        assertRejectsWith(type, build("W", "1", "W1").build(), stock, "fields.quantity",
                "Component D: needs 3, available 2 (not expired)");
    }

    @Test
    void automaticChoiceSkipsExpiredAndSplits() {
        long expired = stock.lot("D", "D0", "L1", LocalDate.of(2025, 8, 31), "10", "0.10");
        long soon = stock.lot("D", "D1", "L1", LocalDate.of(2025, 9, 5), "2", "0.50");
        long later = stock.lot("D", "D2", "L1", LocalDate.of(2025, 12, 1), "5", "0.60");

        List<ProposedLine> lines = assertProposes(type, build("W", "1", "W1").build(), stock);

        assertQuantityAfter(lines, stock, expired, "10");
        assertQuantityAfter(lines, stock, soon, "0");
        assertQuantityAfter(lines, stock, later, "4");
        assertValue(lines, stock, 2, "1.60");
        assertEquals(soon + ":2," + later + ":1", lines.get(2).attributes().get("origin"), "origin");
    }

    @Test
    void extraCostIsAdded() {
        stock.lot("D", "D1", "L1", null, "40", "0.50");

        List<ProposedLine> lines = assertProposes(type, build("W", "2", "W1").field("extraCost", "4.25")
                .field("outputExpiry", "2026-01-31").build(), stock);

        ProposedLine output = lines.get(1);
        assertEquals(CostSource.consumed(List.of(0), new BigDecimal("4.25")), output.cost(), "extra cost");
        assertEquals(LocalDate.of(2026, 1, 31), ((LotTarget.Create) output.target()).lot().expiry(), "expiry");
        assertValue(lines, stock, 1, "7.25");
    }

    @Test
    void chosenAndAutomaticComponentsMix() {
        stock.bom("V", "D", "1");
        long c2 = stock.lot("C", "C2", "L1", null, "10", "1.50");
        long d1 = stock.lot("D", "D1", "L1", null, "40", "0.50");

        List<ProposedLine> lines = assertProposes(type, build("V", "1", "V1").line(c2, "4", Map.of()).build(), stock);

        assertEquals(3, lines.size(), "C, D and the output");
        assertQuantityAfter(lines, stock, c2, "6");
        assertQuantityAfter(lines, stock, d1, "39");
        assertValue(lines, stock, 2, "6.50");
    }

    @Test
    void kilogramComponentKeepsDecimals() {
        stock.product(new ProductInfo("P", "P", "pcs", 0, ProductInfo.Tracking.LOT, true)).bom("P", "K", "0.250");
        long k1 = stock.lot("K", "K1", "L1", null, "1.000", "8.00");

        List<ProposedLine> lines = assertProposes(type, build("P", "3", "P1").build(), stock);

        assertQuantityAfter(lines, stock, k1, "0.250");
        assertValue(lines, stock, 1, "6.00");
    }

    @Test
    void chosenLotsMustAddUp() {
        long c1 = stock.lot("C", "C1", "L1", null, "10", "1.00");
        long c2 = stock.lot("C", "C2", "L1", null, "10", "1.50");

        assertRejectsWith(type, build("V", "1", "V1")
                .line(c1, "2", Map.of())
                .line(c2, "1", Map.of()).build(), stock, "lines[0].quantity",
                "Component C: 1 V need 4, but the chosen lots give 3");
        assertRejectsWith(type, build("V", "1", "V1")
                .line(c1, "5", Map.of()).build(), stock, "lines[0].quantity", "chosen lots give 5");
    }

    @Test
    void sameLotChosenTwiceAddsUp() {
        long c1 = stock.lot("C", "C1", "L1", null, "10", "1.00");

        List<ProposedLine> lines = assertProposes(type, build("V", "1", "V1")
                .line(c1, "1", Map.of())
                .line(c1, "3", Map.of()).build(), stock);

        assertEquals(2, lines.size(), "one line for C1 and the output");
        assertQuantityAfter(lines, stock, c1, "6");
    }

    @Test
    void expiredChosenLotIsRejected() {
        long c0 = stock.lot("C", "C0", "L1", LocalDate.of(2025, 8, 31), "10", "1.00");

        assertRejectsWith(type, build("V", "1", "V1").line(c0, "4", Map.of()).build(), stock, "lines[0].lotId",
                "expired on 2025-08-31");
    }

    @Test
    void chosenLotOfOtherProductIsRejected() {
        long d1 = stock.lot("D", "D1", "L1", null, "40", "0.50");
        stock.lot("C", "C1", "L1", null, "10", "1.00");

        assertRejectsWith(type, build("V", "1", "V1").line(d1, "4", Map.of()).build(), stock, "lines[0].lotId",
                "not a component of V");
    }

    @Test
    void badChosenLineIsRejected() {
        long c1 = stock.lot("C", "C1", "L1", null, "10", "1.00");

        assertRejects(type, build("V", "1", "V1").line(c1, "0", Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, build("V", "1", "V1").line(c1, null, Map.of()).build(), stock, "lines[0].quantity");
        assertRejects(type, build("V", "1", "V1").line(99, "4", Map.of()).build(), stock, "lines[0].lotId");
        assertRejects(type, build("V", "1", "V1")
                .line(new RequestLine(0, null, null, BigDecimal.ONE, null, Map.of())).build(), stock, "lines[0].lotId");
    }

    @Test
    void serialOutputSharesValuePerUnit() {
        long c1 = stock.lot("C", "C1", "L1", null, "3", "1.00");
        long c2 = stock.lot("C", "C2", "L1", null, "10", "1.50");

        List<ProposedLine> lines = assertProposes(type, build("Y", "2", "SN-001, SN-002")
                .field("extraCost", "1.01").build(), stock);

        assertEquals(5, lines.size(), "C1 for unit 1, C1 and C2 for unit 2, two serial lots");
        assertQuantityAfter(lines, stock, c1, "0");
        assertQuantityAfter(lines, stock, c2, "9");
        ProposedLine first = lines.get(3);
        ProposedLine second = lines.get(4);
        assertEquals(LotTarget.create(new NewLot("Y", "SN-001", "L1", null, null)), first.target(), "first serial");
        assertEquals(LotTarget.create(new NewLot("Y", "SN-002", "L1", null, null)), second.target(), "second serial");
        assertEquals(BigDecimal.ONE, first.quantity(), "one unit per serial lot");
        assertEquals(CostSource.consumed(List.of(0), new BigDecimal("0.50")), first.cost(), "unit 1's share");
        assertEquals(CostSource.consumed(List.of(1, 2), new BigDecimal("0.51")), second.cost(), "unit 2's share");
        assertEquals(c1 + ":2", first.attributes().get("origin"), "origin of unit 1");
        assertEquals(c1 + ":1," + c2 + ":1", second.attributes().get("origin"), "origin of unit 2");
        assertValue(lines, stock, 3, "2.50");
        assertValue(lines, stock, 4, "3.01");
        assertEquals(new BigDecimal("1.01"), ProposalValues.total(lines, stock), "only the extra cost is added");
    }

    @Test
    void usedSerialIsRejected() {
        stock.lot("C", "C1", "L1", null, "10", "1.00");
        stock.lot("Y", "SN-003", "L1", null, "0", "2.00");

        assertRejectsWith(type, build("Y", "1", "SN-003").build(), stock, "fields.outputLot",
                "[SN-003] of Y were already used");
    }

    @Test
    void serialListMustMatchQuantity() {
        stock.lot("C", "C1", "L1", null, "10", "1.00");

        assertRejects(type, build("Y", "2", "SN-001").build(), stock, "fields.outputLot");
        assertRejects(type, build("Y", "1", "SN-001,SN-002").build(), stock, "fields.outputLot");
        assertRejects(type, Requests.of(AssemblyBuildType.ID, TODAY).field("assembly", "Y").field("quantity", "1")
                .field("outputLocation", "L1").build(), stock, "fields.outputLot");
        assertRejects(type, build("Y", "2", "SN-001,SN-001").build(), stock, "fields.outputLot");
        assertRejects(type, build("Y", "2", "SN-001,").build(), stock, "fields.outputLot");
    }

    @Test
    void missingDocumentFieldsAreRejected() {
        List<?> problems = assertRejects(type, Requests.of(AssemblyBuildType.ID, TODAY).build(), stock,
                "fields.assembly");

        assertEquals(3, problems.size(), "assembly, quantity and location: " + problems);
        assertRejects(type, Requests.of(AssemblyBuildType.ID, TODAY).field("assembly", "V").field("quantity", "1")
                .field("outputLocation", "L1").build(), stock, "fields.outputLot");
    }

    @Test
    void invalidDocumentFieldsAreRejected() {
        stock.lot("D", "D1", "L1", null, "40", "0.50");

        assertRejects(type, build("NOPE", "1", "X1").build(), stock, "fields.assembly");
        assertRejects(type, build("C", "1", "X1").build(), stock, "fields.assembly");
        assertRejects(type, build("W", "0", "W1").build(), stock, "fields.quantity");
        assertRejects(type, build("W", "-1", "W1").build(), stock, "fields.quantity");
        assertRejects(type, build("W", "abc", "W1").build(), stock, "fields.quantity");
        assertRejects(type, build("W", "1.5", "W1").build(), stock, "fields.quantity");
        assertRejects(type, build("W", "1", "W1").field("outputLocation", "L9").build(), stock,
                "fields.outputLocation");
        assertRejects(type, build("W", "1", "W1").field("extraCost", "-1").build(), stock, "fields.extraCost");
        assertRejects(type, build("W", "1", "W1").field("extraCost", "0.001").build(), stock, "fields.extraCost");
        assertRejects(type, build("W", "1", "W1").field("outputExpiry", "2025-08-31").build(), stock,
                "fields.outputExpiry");
        assertRejects(type, build("W", "1", "W1").field("outputExpiry", "soon").build(), stock,
                "fields.outputExpiry");
    }

    @Test
    void fractionalComponentShareIsRejected() {
        stock.product(new ProductInfo("Q", "Q", "pcs", 0, ProductInfo.Tracking.LOT, true)).bom("Q", "D", "0.5");
        stock.lot("D", "D1", "L1", null, "40", "0.50");

        assertRejectsWith(type, build("Q", "1", "Q1").build(), stock, "fields.quantity", "allows 0 decimals");
        assertProposes(type, build("Q", "2", "Q1").build(), stock);
    }
}
