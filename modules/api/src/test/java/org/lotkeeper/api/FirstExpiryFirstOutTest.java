package org.lotkeeper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FirstExpiryFirstOutTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    private static LotInfo lot(long id, LocalDate expiry, String quantity) {
        return new LotInfo(id, "H", "H" + id, "L1", expiry, new BigDecimal(quantity), BigDecimal.ZERO, BigDecimal.ONE,
                "ok");
    }

    // Lot ids follow the lot codes: H1 is id 1, H2 id 2, H3 id 3.
    private final List<LotInfo> productH = List.of(
            lot(1, LocalDate.of(2025, 8, 1), "14"),
            lot(2, LocalDate.of(2025, 9, 10), "3"),
            lot(3, LocalDate.of(2025, 9, 3), "2"));

    @Test
    void allocationSkipsExpiredAndSplits() {
        FirstExpiryFirstOut.Allocation allocation = FirstExpiryFirstOut.allocate(productH, new BigDecimal("5"), TODAY);

        assertFalse(allocation.isShort(), "5 of 5 usable");
        assertEquals(2, allocation.picks().size(), "picks: " + allocation.picks());
        assertEquals(3L, allocation.picks().get(0).lot().id(), "H3 expires first");
        assertEquals(new BigDecimal("2"), allocation.picks().get(0).quantity(), "all of H3");
        assertEquals(2L, allocation.picks().get(1).lot().id(), "H2 next");
        assertEquals(new BigDecimal("3"), allocation.picks().get(1).quantity(), "all of H2");
    }

    @Test
    void allocationReportsShortage() {
        FirstExpiryFirstOut.Allocation allocation = FirstExpiryFirstOut.allocate(productH, new BigDecimal("6"), TODAY);

        assertTrue(allocation.isShort(), "only 5 usable");
        assertEquals(new BigDecimal("6"), allocation.requested(), "requested");
        assertEquals(new BigDecimal("5"), allocation.available(), "available, not counting expired H1");
        assertTrue(allocation.picks().isEmpty(), "nothing picked when short");
    }

    @Test
    void allocationTakesPartOfLastLot() {
        FirstExpiryFirstOut.Allocation allocation = FirstExpiryFirstOut.allocate(productH, new BigDecimal("3"), TODAY);

        assertEquals(2, allocation.picks().size(), "picks: " + allocation.picks());
        assertEquals(new BigDecimal("2"), allocation.picks().get(0).quantity(), "all of H3");
        assertEquals(new BigDecimal("1"), allocation.picks().get(1).quantity(), "one of H2");
    }

    @Test
    void lotExpiringTodayIsUsable() {
        List<LotInfo> lots = List.of(lot(1, TODAY, "4"));

        assertEquals(1, FirstExpiryFirstOut.usableLots(lots, TODAY).size(), "the expiry date is the last day of use");
        assertEquals(0, FirstExpiryFirstOut.usableLots(lots, TODAY.plusDays(1)).size(), "expired the day after");
    }

    @Test
    void lotsWithoutExpiryComeLastThenById() {
        List<LotInfo> lots = List.of(
                lot(7, null, "1"),
                lot(5, null, "1"),
                lot(9, LocalDate.of(2026, 1, 1), "1"),
                lot(8, LocalDate.of(2026, 1, 1), "1"),
                lot(6, LocalDate.of(2025, 12, 1), "0"));

        List<Long> order = FirstExpiryFirstOut.usableLots(lots, TODAY).stream().map(LotInfo::id).toList();

        assertEquals(List.of(8L, 9L, 5L, 7L), order, "by expiry, ties by id, no expiry last, empty lot left out");
    }

    @Test
    void zeroQuantityIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> FirstExpiryFirstOut.allocate(productH, BigDecimal.ZERO, TODAY));
    }
}
