package org.lotkeeper.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void blankSettingsTakeDefaults() {
        WebhookSettings settings = WebhookSettings.parse(null, " ");
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(Duration.ofSeconds(30), settings.sweepInterval());
        assertEquals(Duration.ofSeconds(30), settings.lease(), "10 s to connect + 10 s for the response + 10 s margin");
    }

    @Test
    void durationsParseAsIsoOrSeconds() {
        WebhookSettings settings = WebhookSettings.parse("PT4S", "2");
        assertEquals(Duration.ofSeconds(4), settings.timeout());
        assertEquals(Duration.ofSeconds(2), settings.sweepInterval());
        assertEquals(Duration.ofSeconds(18), settings.lease());
        assertEquals(Duration.ofMillis(1500), WebhookSettings.parse("1.5", null).timeout());
        assertEquals(Duration.ofMinutes(1), WebhookSettings.parse(null, " PT1M ").sweepInterval());
    }

    @Test
    void invalidSettingsAreRejectedWithProperty() {
        for (String invalid : new String[] {"0", "PT0.5S", "PT6M", "ten", "-5", "PT-1S"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSettings.parse(invalid, null), invalid);
            assertTrue(e.getMessage().startsWith("Invalid lotkeeper.webhooks.timeout='" + invalid + "'"), e.getMessage());
        }
        for (String invalid : new String[] {"0.5", "PT2H", "soon"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSettings.parse(null, invalid), invalid);
            assertTrue(e.getMessage().startsWith("Invalid lotkeeper.webhooks.sweep-interval='" + invalid + "'"),
                    e.getMessage());
        }
    }
}
