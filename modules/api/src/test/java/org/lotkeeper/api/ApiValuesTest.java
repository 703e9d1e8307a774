package org.lotkeeper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiValuesTest {

    @Test
    void expiryDateIsLastDayOfUse() {
        LocalDate expiry = LocalDate.of(2025, 3, 31);

        assertFalse(Expiry.isExpired(expiry, LocalDate.of(2025, 3, 31)), "usable on its expiry date");
        assertTrue(Expiry.isExpired(expiry, LocalDate.of(2025, 4, 1)), "expired the day after");
        assertFalse(Expiry.isExpired(null, LocalDate.of(2999, 1, 1)), "no expiry date never expires");
    }

    @Test
    void problemsWriteDecimalsPlainly() {
        AdjustmentRejectedException rejection = assertThrows(AdjustmentRejectedException.class,
                () -> new Problems().add("lines[0].quantity", new BigDecimal("1E+2"), "Too much.").throwIfAny());

        assertEquals("100", rejection.problems().get(0).value(), "no exponent in the value");
        assertEquals("lines[0].quantity: Too much.", rejection.getMessage(), "message of the exception");
    }

    @Test
    void emptyProblemsThrowNothing() throws AdjustmentRejectedException {
        new Problems().throwIfAny();
    }

    @Test
    void consumedValueRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> CostSource.consumed(List.of(), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CostSource.consumed(List.of(-1), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CostSource.consumed(List.of(0), new BigDecimal("-0.01")));
        assertEquals(BigDecimal.ZERO, ((CostSource.ConsumedValue) CostSource.consumed(List.of(0), null)).extraCost(),
                "a missing extra cost is zero");
    }

    @Test
    void removalIsNegativeWhateverTheSignEntered() {
        assertEquals(new BigDecimal("-5"), ProposedLine.removal(0, 1, new BigDecimal("5")).quantity(), "from 5");
        assertEquals(new BigDecimal("-5"), ProposedLine.removal(0, 1, new BigDecimal("-5")).quantity(), "from -5");
    }

    @Test
    void descriptorRejectsInvalidId() {
        assertThrows(IllegalArgumentException.class,
                () -> TypeDescriptor.builder("Damage", "Damage").lineSigns(LineSign.NEGATIVE).build());
        assertThrows(IllegalArgumentException.class, () -> TypeDescriptor.builder("damage", "Damage").build());
    }

    @Test
    void blankFieldIsMissing() {
        AdjustmentRequest request = new AdjustmentRequest("x", LocalDate.of(2025, 1, 1),
                Map.of("a", " ", "b", " v "), null, null);

        assertTrue(request.field("a").isEmpty(), "blank is missing");
        assertEquals("v", request.field("b").orElseThrow(), "stripped");
    }
}
