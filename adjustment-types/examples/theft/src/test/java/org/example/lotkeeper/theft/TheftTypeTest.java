package org.example.lotkeeper.theft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lotkeeper.testkit.ProposalAssert.assertProposes;
import static org.lotkeeper.testkit.ProposalAssert.assertQuantityAfter;
import static org.lotkeeper.testkit.ProposalAssert.assertRejects;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotkeeper.api.ProposedLine;
import org.lotkeeper.testkit.InMemoryStock;
import org.lotkeeper.testkit.Requests;

class TheftTypeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    final TheftType type = new TheftType();
    final InMemoryStock stock = new InMemoryStock(TODAY).product("DRILL", "pcs", 0).location("L1");
    final long lot = stock.lot("DRILL", "B1", "L1", null, "5", "80.00");

    @Test
    void theftRemovesTheStolenQuantity() {
        List<ProposedLine> lines = assertProposes(type, Requests.of("theft", TODAY).field("report", "PR-77")
                .line(lot, "2", Map.of()).build(), stock);

        assertEquals(1, lines.size());
        assertEquals("THEFT", lines.get(0).reasonCode());
        assertEquals("PR-77", lines.get(0).attributes().get("report"));
        assertQuantityAfter(lines, stock, lot, "3");
    }

    @Test
    void theftWithoutReportIsRejected() {
        assertRejects(type, Requests.of("theft", TODAY).line(lot, "2", Map.of()).build(), stock, "fields.report");
    }

    @Test
    void theftOfNegativeQuantityIsRejected() {
        assertRejects(type, Requests.of("theft", TODAY).field("report", "PR-1").line(lot, "-2", Map.of()).build(),
                stock, "lines[0].quantity");
    }
}
