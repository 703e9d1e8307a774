package org.lotkeeper.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.CostSource;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.LotTarget;
import org.lotkeeper.api.NewLot;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.TypeDescriptor;
import org.opentest4j.AssertionFailedError;

class ProposalAssertTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    private static final TypeDescriptor REMOVER = TypeDescriptor.builder("remover", "Remover")
            .lineSigns(LineSign.NEGATIVE).build();
    private static final TypeDescriptor MOVER = TypeDescriptor.builder("mover", "Mover")
            .lineSigns(LineSign.NEGATIVE, LineSign.POSITIVE).createsLots(true).takesFromExpiredLots(true).build();

    private final InMemoryStock stock = new InMemoryStock(TODAY)
            .product("E", "pcs", 0)
            .product("K", "kg", 3)
            .product(new ProductInfo("Y", "Y", "pcs", 0, ProductInfo.Tracking.SERIAL, false))
            .location("L1")
            .location("L2");

    @Test
    void validRemovalPasses() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");

        ProposalAssert.assertFollowsCoreRules(REMOVER, List.of(ProposedLine.removal(0, lot, BigDecimal.TEN)), stock);
    }

    @Test
    void negativeBalanceFails() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.removal(0, lot, new BigDecimal("6")),
                ProposedLine.removal(1, lot, new BigDecimal("5")));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(REMOVER, lines, stock));
    }

    @Test
    void disallowedSignFails() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(lot), BigDecimal.ONE, CostSource.lotCost()));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(REMOVER, lines, stock));
    }

    @Test
    void tooManyDecimalsFail() {
        long lot = stock.lot("K", "K2", "L1", null, "0.300", "1.00");
        List<ProposedLine> fine = List.of(ProposedLine.removal(0, lot, new BigDecimal("0.100")));
        List<ProposedLine> tooFine = List.of(ProposedLine.removal(0, lot, new BigDecimal("0.1234")));

        ProposalAssert.assertFollowsCoreRules(REMOVER, fine, stock);
        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(REMOVER, tooFine, stock));
    }

    @Test
    void removalFromExpiredLotFailsUnlessDeclared() {
        long lot = stock.lot("E", "E", "L1", LocalDate.of(2025, 3, 31), "10", "1.00");
        List<ProposedLine> lines = List.of(ProposedLine.removal(0, lot, BigDecimal.ONE));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(REMOVER, lines, stock));
        ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock);
    }

    @Test
    void newLotFailsUnlessDeclared() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");
        TypeDescriptor noNewLots = TypeDescriptor.builder("fixed", "Fixed")
                .lineSigns(LineSign.NEGATIVE, LineSign.POSITIVE).build();
        List<ProposedLine> lines = List.of(
                ProposedLine.removal(0, lot, BigDecimal.ONE),
                ProposedLine.addition(0, LotTarget.create(new NewLot("E", "E1", "L2", null, null)), BigDecimal.ONE,
                        CostSource.consumed(List.of(0), BigDecimal.ZERO)));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(noNewLots, lines, stock));
        ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock);
    }

    @Test
    void newLotAtUnknownLocationFails() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.removal(0, lot, BigDecimal.ONE),
                ProposedLine.addition(0, LotTarget.create(new NewLot("E", "E1", "NOWHERE", null, null)),
                        BigDecimal.ONE, CostSource.consumed(List.of(0), BigDecimal.ZERO)));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock));
    }

    @Test
    void consumedValueOfPositiveLineFails() {
        long lot = stock.lot("E", "E1", "L1", null, "10", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(lot), BigDecimal.ONE, CostSource.explicit(BigDecimal.ONE)),
                ProposedLine.addition(1, LotTarget.existing(lot), BigDecimal.ONE,
                        CostSource.consumed(List.of(0), BigDecimal.ZERO)));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock));
    }

    @Test
    void lotCostWithoutRecordedCostFails() {
        long lot = stock.lot("E", "Z", "L1", null, "4", null);
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(lot), BigDecimal.ONE, CostSource.lotCost()));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock));
    }

    @Test
    void serialLotAboveOneFails() {
        long lot = stock.lot("Y", "SN-001", "L1", null, "0", "10.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.addition(0, LotTarget.existing(lot), BigDecimal.TWO, CostSource.lotCost()));

        assertThrows(AssertionFailedError.class, () -> ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock));
    }

    @Test
    void newLotNamingExistingLotCountsAgainstIt() {
        long lot = stock.lot("E", "E1", "L1", null, "1", "1.00");
        long other = stock.lot("E", "E2", "L1", null, "5", "1.00");
        List<ProposedLine> lines = List.of(
                ProposedLine.removal(0, other, BigDecimal.ONE),
                ProposedLine.addition(0, LotTarget.create(new NewLot("E", "E1", "L1", null, null)), BigDecimal.ONE,
                        CostSource.consumed(List.of(0), BigDecimal.ZERO)),
                ProposedLine.removal(1, lot, BigDecimal.TWO));

        ProposalAssert.assertFollowsCoreRules(MOVER, lines, stock);
    }
}
