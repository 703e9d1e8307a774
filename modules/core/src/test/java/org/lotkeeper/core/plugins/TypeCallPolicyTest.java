package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TypeCallPolicyTest {

    @Test
    void defaultsApplyWhenUnset() {
        TypeCallPolicy policy = TypeCallPolicy.parse(null, " ");
        assertEquals(Duration.ofSeconds(10), policy.timeLimit());
        assertEquals(16, policy.maxCallsPerType());
    }

    @Test
    void acceptsIsoDurationsAndSeconds() {
        assertEquals(Duration.ofSeconds(2), TypeCallPolicy.parseTimeLimit("PT2S"));
        assertEquals(Duration.ofMinutes(1), TypeCallPolicy.parseTimeLimit(" PT1M "));
        assertEquals(Duration.ofSeconds(2), TypeCallPolicy.parseTimeLimit("2"));
        assertEquals(Duration.ofMillis(1500), TypeCallPolicy.parseTimeLimit("1.5"));
        assertEquals(Duration.ofMillis(100), TypeCallPolicy.parseTimeLimit("PT0.1S"));
        assertEquals(Duration.ofHours(1), TypeCallPolicy.parseTimeLimit("3600"));
        assertEquals(4, TypeCallPolicy.parseMaxCalls("4"));
    }

    @Test
    void rejectsOtherTimeLimitsNamingPropertyValueAndRule() {
        for (String invalid : new String[] {"ten", "10s", "PT0S", "-1", "0", "PT0.05S", "P2D", "PT-5S", "3601", "1e3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TypeCallPolicy.parseTimeLimit(invalid), invalid);
            assertTrue(e.getMessage().startsWith("Invalid lotkeeper.types.time-limit='" + invalid + "': give an ISO-8601"
                    + " duration such as PT10S"), e.getMessage());
            assertTrue(e.getMessage().contains("from 0.1 s to 3600 s (default 10 s)"), e.getMessage());
        }
    }

    @Test
    void rejectsOtherCaps() {
        for (String invalid : new String[] {"0", "-2", "many", "1001", "2.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TypeCallPolicy.parseMaxCalls(invalid), invalid);
            assertEquals("Invalid lotkeeper.types.max-calls-per-type='" + invalid
                    + "': give a whole number from 1 to 1000 (default 16).", e.getMessage());
        }
    }

    @Test
    void formatsSeconds() {
        assertEquals("2 s", TypeCallPolicy.seconds(Duration.ofSeconds(2)));
        assertEquals("1.5 s", TypeCallPolicy.seconds(Duration.ofMillis(1500)));
    }
}
