package org.lotkeeper.types.assemblybuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotkeeper.testkit.ProposalAssert.assertProposes;
import static org.lotkeeper.testkit.ProposalAssert.assertQuantityAfter;
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
import org.lotkeeper.api.TypeDescriptor;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.ProposalValues;
import org.lotkeeper.testkit.Requests;

class AssemblyDisassemblyTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    private final AssemblyDisassemblyType type = new AssemblyDisassemblyType();
    private final InMemoryStock stock = new InMemoryStock(TODAY)
            .product("C", "pcs", 0)
            .product("D", "pcs", 0)
            .product("E", "pcs", 0)
            .product("K", "kg", 3)
            .product(new ProductInfo("S", "S", "pcs", 0, ProductInfo.Tracking.SERIAL, false))
            .product(new ProductInfo("X", "X", "pcs", 0, ProductInfo.Tracking.LOT, true))
            .product(new ProductInfo("Z", "Z", "pcs", 0, ProductInfo.Tracking.LOT, true))
            .product(new ProductInfo("Q", "Q", "pcs", 0, ProductInfo.Tracking.LOT, true))
            .product(new ProductInfo("H", "H", "pcs", 1, ProductInfo.Tracking.LOT, true))
            .bom("X", "C", "2")
            .bom("X", "D", "1")
            .bom("Z", "C", "1")
            .bom("Z", "D", "1")
            .bom("Z", "E", "1")
            .bom("Q", "S", "1")
            .bom("H", "C", "1")
            .location("L1")
            .location("L2");

    private static Requests takeApart(long lot, String units) {
        return Requests.of(AssemblyDisassemblyType.ID, TODAY)
                .field("componentLot", "R1")
                .line(lot, units, Map.of());
    }

    @Test
    void descriptorRemovesAndCreates() {
        TypeDescriptor descriptor = type.describe();

        assertEquals("assembly-disassembly", descriptor.id(), "id");
        assertEquals(Set.of(LineSign.NEGATIVE, LineSign.POSITIVE), descriptor.lineSigns(), "line signs");
        assertTrue(descriptor.createsLots(), "components go into new lots");
        assertTrue(descriptor.takesFromExpiredLots(), "expired assemblies may be taken apart");
    }

    @Test
    void valueSharedByComponentCost() {
        stock.lot("C", "C1", "L1", null, "10", "1.00");
        stock.lot("D", "D1", "L1", null, "10", "2.00");
        long kits = stock.lot("X", "X1", "L1", null, "3", "4.00");

        List<ProposedLine> lines = assertProposes(type, takeApart(kits, "2").build(), stock);

        assertEquals(3, lines.size(), "the assembly and two components");
        assertQuantityAfter(lines, stock, kits, "1");
        assertEquals(LotTarget.create(new NewLot("C", "R1", "L1", null, null)), lines.get(1).target(), "C into R1");
        assertEquals(new BigDecimal("4"), lines.get(1).quantity(), "2 per unit times 2 units of C");
        assertEquals(LotTarget.create(new NewLot("D", "R1", "L1", null, null)), lines.get(2).target(), "D into R1");
        assertEquals(new BigDecimal("2"), lines.get(2).quantity(), "1 per unit times 2 units of D");
        assertValue(lines, stock, 0, "-8.00");
        assertValue(lines, stock, 1, "4.00");
        assertValue(lines, stock, 2, "4.00");
    }

    @Test
    void roundedSharesAddUpToRemovedValue() {
        long kits = stock.lot("Z", "Z1", "L1", null, "3", "3.3333");
        stock.lotValue(kits, "10.00");

        List<ProposedLine> lines = assertProposes(type, takeApart(kits, "3").build(), stock);

        assertValue(lines, stock, 0, "-10.00");
        assertValue(lines, stock, 1, "3.34");
        assertValue(lines, stock, 2, "3.33");
        assertValue(lines, stock, 3, "3.33");
        assertEquals(0, ProposalValues.total(lines, stock).signum(), "the components carry the removed value");
    }

    @Test
    void componentsGoToNamedLocation() {
        long kits = stock.lot("X", "X1", "L1", null, "1", "5.00");

        List<ProposedLine> lines = assertProposes(type, takeApart(kits, "1")
                .field("componentLocation", "L2")
                .field("componentExpiry", "2026-03-31").build(), stock);

        assertEquals(LotTarget.create(new NewLot("C", "R1", "L2", LocalDate.of(2026, 3, 31), null)),
                lines.get(1).target(), "C at L2 with the expiry");
    }

    @Test
    void uncostedAssemblyGivesUnknownCost() {
        long kits = stock.lot("X", "X1", "L1", null, "2", null);

        List<ProposedLine> lines = assertProposes(type, takeApart(kits, "1").build(), stock);

        assertEquals(CostSource.unknown(), lines.get(1).cost(), "C of unknown cost");
        assertEquals(CostSource.unknown(), lines.get(2).cost(), "D of unknown cost");
    }

    @Test
    void sharesSplitCentsByLargestRemainder() {
        List<BigDecimal> shares = AssemblyDisassemblyType.shares(new BigDecimal("0.05"),
                List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));

        assertEquals(List.of(new BigDecimal("0.02"), new BigDecimal("0.02"), new BigDecimal("0.01")), shares);
    }

    @Test
    void productWithoutBomIsRejected() {
        long plain = stock.lot("C", "C1", "L1", null, "5", "1.00");

        assertRejectsWith(type, takeApart(plain, "1").build(), stock, "lines[0].lotId",
                "Lot C1 holds C, which has no bill of materials, so it cannot be taken apart.");
    }

    @Test
    void moreThanLotHoldsIsRejected() {
        long kits = stock.lot("X", "X1", "L1", null, "2", "4.00");

        assertRejectsWith(type, takeApart(kits, "3").build(), stock, "lines[0].quantity",
                "Lot X1 of X holds 2 on 2025-09-01; it cannot give 3.");
    }

    @Test
    void serialComponentIsRejected() {
        long kits = stock.lot("Q", "Q1", "L1", null, "1", "4.00");

        assertRejectsWith(type, takeApart(kits, "1").build(), stock, "lines[0].lotId",
                "Component S of Q is serial-tracked, and a disassembly returns components to batch lots only.");
    }

    @Test
    void fractionalComponentIsRejected() {
        long kits = stock.lot("H", "H1", "L1", null, "2", "4.00");

        assertRejectsWith(type, takeApart(kits, "0.5").build(), stock, "lines[0].quantity",
                "Taking apart 0.5 of H returns 0.5 pcs of C, but C allows 0 decimals.");
    }

    @Test
    void missingComponentLotIsRejected() {
        long kits = stock.lot("X", "X1", "L1", null, "2", "4.00");

        assertRejectsWith(type, Requests.of(AssemblyDisassemblyType.ID, TODAY).line(kits, "1", Map.of()).build(),
                stock, "fields.componentLot", "The lot code for the returned components is missing; give a batch"
                        + " number, or ALL for products without batches.");
    }

    @Test
    void unknownLocationIsRejected() {
        long kits = stock.lot("X", "X1", "L1", null, "2", "4.00");

        assertRejectsWith(type, takeApart(kits, "1").field("componentLocation", "NOWHERE").build(), stock,
                "fields.componentLocation", "No location has this code.");
    }
}
