package org.lotkeeper.types.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.lotkeeper.api.FieldDescriptor;
import org.lotkeeper.api.FieldKind;
import org.lotkeeper.api.LineSign;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.api.RequestLine;
import org.lotkeeper.api.TypeSettings;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class DamageTypeTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);
    private static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

    private final DamageType type = new DamageType();

    private static InMemoryStock stockOn(LocalDate date) {
        return new InMemoryStock(date).product("A", "pcs", 0).product("K", "kg", 3).location("L1");
    }

    @Test
    void descriptorAllowsOnlyNegativeLines() {
        assertEquals(Set.of(LineSign.NEGATIVE), type.describe().lineSigns(), "line signs");
        assertFalse(type.describe().takesFromExpiredLots(), "expired stock is the expiry type's business");
        assertFalse(type.describe().createsLots(), "a write-off creates no lot");
    }

    @Test
    void descriptorDeclaresDefaultReasonCodes() {
        FieldDescriptor reason = type.describe().fields().stream()
                .filter(field -> field.name().equals(DamageType.REASON)).findFirst().orElseThrow();
        assertEquals(FieldKind.REASON_CODE, reason.kind(), "kind of the reason field");
        assertEquals(DamageType.DEFAULT_REASONS, reason.choices(), "the codes a form offers while none are configured");
    }

    @Test
    void writeOffIsNegativeAtLotCost() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(DamageType.ID, MARCH_31)
                .line(a, "2", Map.of("reason", "BROKEN", "note", "dropped")).build(), stock);

        assertEquals(1, lines.size(), "one line");
        assertEquals(new BigDecimal("-2"), lines.get(0).quantity(), "entered 2, proposed -2");
        assertEquals(CostSource.lotCost(), lines.get(0).cost(), "leaves at the lot's cost");
        assertEquals("BROKEN", lines.get(0).reasonCode(), "reason");
        assertEquals("dropped", lines.get(0).note(), "note");
        assertEquals(Map.of(), lines.get(0).attributes(), "reason and note are not repeated as attributes");
        assertQuantityAfter(lines, stock, a, "8");
        assertValue(lines, stock, 0, "-4.00");
    }

    @Test
    void writeOffOfWholeLotTakesItsValue() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "5", "2.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(DamageType.ID, MARCH_31)
                .line(a, "5", Map.of("reason", "WATER")).build(), stock);

        assertQuantityAfter(lines, stock, a, "0");
        assertValue(lines, stock, 0, "-10.00");
        assertNull(lines.get(0).note(), "no note given");
    }

    @Test
    void kilogramLinesKeepDecimals() {
        InMemoryStock stock = stockOn(MARCH_31);
        long k2 = stock.lot("K", "K2", "L1", null, "0.300", "4.00");

        List<ProposedLine> lines = assertProposes(type, Requests.of(DamageType.ID, MARCH_31)
                .line(k2, "0.100", Map.of("reason", "SPOILED"))
                .line(k2, "0.200", Map.of("reason", "SPOILED")).build(), stock);

        assertEquals(2, lines.size(), "two lines");
        assertQuantityAfter(lines, stock, k2, "0.000");
    }

    @Test
    void lotUsableOnItsExpiryDate() {
        InMemoryStock stock = stockOn(MARCH_31);
        long e = stock.lot("A", "E", "L1", MARCH_31, "10", "1.00");

        assertProposes(type, Requests.of(DamageType.ID, MARCH_31).line(e, "2", Map.of("reason", "BROKEN")).build(),
                stock);
    }

    @Test
    void expiredLotIsRejected() {
        InMemoryStock stock = stockOn(APRIL_1);
        long e = stock.lot("A", "E", "L1", MARCH_31, "8", "1.00");

        assertRejectsWith(type, Requests.of(DamageType.ID, APRIL_1).line(e, "2", Map.of("reason", "BROKEN")).build(),
                stock, "lines[0].lotId", "expired on 2025-03-31");
    }

    @Test
    void missingReasonIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).line(a, "2", Map.of()).build(), stock,
                "lines[0].fields.reason");
    }

    @Test
    void reasonOutsideSettingsIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");
        TypeSettings settings = new TypeSettings(List.of("THEFT"), Map.of());

        assertRejectsWith(type, Requests.of(DamageType.ID, MARCH_31).settings(settings)
                .line(a, "2", Map.of("reason", "BROKEN")).build(), stock, "lines[0].fields.reason", "[THEFT]");
        assertProposes(type, Requests.of(DamageType.ID, MARCH_31).settings(settings)
                .line(a, "2", Map.of("reason", "THEFT")).build(), stock);
    }

    @Test
    void nonPositiveQuantityIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).line(a, "-2", Map.of("reason", "BROKEN")).build(),
                stock, "lines[0].quantity");
        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).line(a, "0", Map.of("reason", "BROKEN")).build(),
                stock, "lines[0].quantity");
        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).line(a, null, Map.of("reason", "BROKEN")).build(),
                stock, "lines[0].quantity");
    }

    @Test
    void unknownOrMissingLotIsRejected() {
        InMemoryStock stock = stockOn(MARCH_31);

        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).line(42, "1", Map.of("reason", "BROKEN")).build(),
                stock, "lines[0].lotId");
        assertRejects(type, Requests.of(DamageType.ID, MARCH_31)
                .line(new RequestLine(0, null, null, BigDecimal.ONE, null, Map.of("reason", "BROKEN"))).build(),
                stock, "lines[0].lotId");
    }

    @Test
    void emptyRequestIsRejected() {
        assertRejects(type, Requests.of(DamageType.ID, MARCH_31).build(), stockOn(MARCH_31), "lines");
    }

    @Test
    void everyBadLineIsReported() {
        InMemoryStock stock = stockOn(MARCH_31);
        long a = stock.lot("A", "A", "L1", null, "10", "2.00");

        List<?> problems = assertRejects(type, Requests.of(DamageType.ID, MARCH_31)
                .line(a, "1", Map.of())
                .line(a, "-1", Map.of("reason", "BROKEN")).build(), stock, "lines[1].quantity");

        assertEquals(2, problems.size(), "one problem per bad line: " + problems);
    }
}
