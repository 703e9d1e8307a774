package org.lotkeeper.web.screens.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OriginPartTest {

    @Test
    void buildOriginParsesEveryPair() {
        List<OriginPart> parts = OriginPart.parse("12:8,40:2.5");

        assertEquals(2, parts.size());
        assertEquals(12, parts.get(0).lotId());
        assertEquals(0, new BigDecimal("8").compareTo(parts.get(0).quantity()));
        assertEquals(40, parts.get(1).lotId());
        assertEquals(0, new BigDecimal("2.5").compareTo(parts.get(1).quantity()));
    }

    @Test
    void otherOriginTextGivesNoParts() {
        assertTrue(OriginPart.parse("CSV import, lines 2, 5").isEmpty());
        assertTrue(OriginPart.parse("12:8,").isEmpty());
        assertTrue(OriginPart.parse(null).isEmpty());
    }
}
