package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PluginSyncIntervalTest {

    @Test
    void blankTakesDefault() {
        assertEquals(Duration.ofSeconds(5), PluginSync.parseInterval(null), "null");
        assertEquals(Duration.ofSeconds(5), PluginSync.parseInterval(" "), "blank");
    }

    @Test
    void isoDurationAndSecondsAreRead() {
        assertEquals(Duration.ofMillis(500), PluginSync.parseInterval("PT0.5S"), "ISO-8601");
        assertEquals(Duration.ofSeconds(2), PluginSync.parseInterval("2"), "seconds");
        assertEquals(Duration.ofMillis(1500), PluginSync.parseInterval("1.5"), "decimal seconds");
    }

    @Test
    void outOfRangeIsRejected() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> PluginSync.parseInterval("PT0.05S"));
        assertTrue(tooShort.getMessage().contains("lotkeeper.plugins.sync-interval='PT0.05S'"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PluginSync.parseInterval("PT2H"), "over an hour");
        assertThrows(IllegalArgumentException.class, () -> PluginSync.parseInterval("soon"), "not a duration");
    }
}
