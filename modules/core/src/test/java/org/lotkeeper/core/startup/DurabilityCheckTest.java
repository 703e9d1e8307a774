package org.lotkeeper.core.startup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DurabilityCheckTest {

    @AfterEach
    void clear() {
        System.clearProperty(DurabilityCheck.DERBY_DURABILITY);
    }

    @Test
    void durableDefaultStarts() {
        assertDoesNotThrow(() -> DurabilityCheck.requireDurableCommits(false));
    }

    @Test
    void testModeIsRefused() {
        System.setProperty(DurabilityCheck.DERBY_DURABILITY, "test");
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> DurabilityCheck.requireDurableCommits(false));
        assertTrue(refusal.getMessage().contains("lotkeeper.db.allow-non-durable=true"), refusal.getMessage());
    }

    @Test
    void testModeStartsWhenExplicitlyAllowed() {
        System.setProperty(DurabilityCheck.DERBY_DURABILITY, "test");
        assertDoesNotThrow(() -> DurabilityCheck.requireDurableCommits(true));
    }
}
