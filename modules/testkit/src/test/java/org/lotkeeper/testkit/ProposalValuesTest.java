package org.lotkeeper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.ProposedLine;

class ProposalValuesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    private final InMemoryStock stock = new InMemoryStock(TODAY).product("R", "pcs", 0).location("L1").location("L2");

    @Test
    void removalLeavesAtUnitCostInCents() {
        long r1 = stock.lot("R", "R1", "L1", null, "100", "5.00");

        List<BigDecimal> values = ProposalValues.of(List.of(ProposedLine.removal(0, r1, new BigDecimal("3"))), stock);

        assertEquals(new BigDecimal("-15.00"), values.get(0), "3 at 5.00");
    }

    @Test
    void removalRoundsHalfUpToCents() {
        long lot = stock.lot("R", "R2", "L1", null, "10", "0.3335");

        List<BigDecimal> values = ProposalValues.of(List.of(ProposedLine.removal(0, lot, BigDecimal.ONE)), stock);

        assertEquals(new BigDecimal("-0.33"), values.get(0), "0.3335 rounds to 0.33 after the unit");
    }

    @Test
    void emptyingRemovalTakesRemainingValue() {
        long lot = stock.lot("R", "R3", "L1", null, "3", "0.3333");
        stock.lotValue(lot, "1.00");

        List<BigDecimal> values = ProposalValues.of(List.of(
                ProposedLine.removal(0, lot, BigDecimal.ONE),
                ProposedLine.removal(1, lot, BigDecimal.TWO)), stock);

        assertEquals(new BigDecimal("-0.33"), values.get(0), "first unit at the unit cost");
        assertEquals(new BigDecimal("-0.67"), values.get(1), "last two units take what is left");
    }

    @Test
    void consumedValueSumsReferencedLinesPlusExtra() {
        long a = stock.lot("R", "A", "L1", null, "10", "1.00");
        long b = stock.lot("R", "B", "L1", null, "10", "1.50");
        NewLot output = new NewLot("R", "V1", "L2", null, null);

        List<BigDecimal> values = ProposalValues.of(List.of(
                ProposedLine.removal(0, a, BigDecimal.TWO),
                ProposedLine.removal(1, b, BigDecimal.TWO),
                ProposedLine.addition(-1, LotTarget.create(output), BigDecimal.ONE,
                        CostSource.consumed(List.of(0, 1), new BigDecimal("0.25")))), stock);

        assertEquals(new BigDecimal("5.25"), values.get(2), "2.00 + 3.00 + 0.25");
    }

    @Test
    void totalOfTransferIsZero() {
        long a = stock.lot("R", "A", "L1", null, "10", "1.25");
        long b = stock.lot("R", "A", "L2", null, "0", "1.25");

        BigDecimal total = ProposalValues.total(List.of(
                ProposedLine.removal(0, a, new BigDecimal("4")),
                ProposedLine.addition(0, LotTarget.existing(b), new BigDecimal("4"),
                        CostSource.consumed(List.of(0), BigDecimal.ZERO))), stock);

        assertEquals(0, total.signum(), "a transfer moves value without changing the total: " + total);
    }

    @Test
    void lotCostOnLotWithoutCostIsRejected() {
        long z = stock.lot("R", "Z", "L1", null, "4", null);
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(z), BigDecimal.ONE, CostSource.lotCost()));

        assertThrows(IllegalArgumentException.class, () -> ProposalValues.of(lines, stock));
    }

    @Test
    void forwardReferenceIsRejected() {
        long a = stock.lot("R", "A", "L1", null, "10", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(a), BigDecimal.ONE,
                        CostSource.consumed(List.of(1), BigDecimal.ZERO)),
                ProposedLine.removal(0, a, BigDecimal.ONE));

        assertThrows(IllegalArgumentException.class, () -> ProposalValues.of(lines, stock));
    }
}
