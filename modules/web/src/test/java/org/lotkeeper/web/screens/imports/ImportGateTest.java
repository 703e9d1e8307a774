package org.lotkeeper.web.screens.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ImportGateTest {

    private final ImportGate gate = new ImportGate();

    @Test
    void secondImportWhileRunningIsRejected() {
        AtomicBoolean secondRan = new AtomicBoolean();
        ImportGate.BusyException rejection = gate.runAlone("products by anna", () ->
                assertThrows(ImportGate.BusyException.class, () -> gate.runAlone("boms by ben", () -> {
                    secondRan.set(true);
                    return null;
                })));

        assertTrue(rejection.getMessage().contains("products by anna"), rejection.getMessage());
        assertEquals(false, secondRan.get(), "the rejected import must not run");
    }

    @Test
    void importRunsAgainAfterFirstEnds() {
        assertEquals("first", gate.runAlone("a", () -> "first"));
        assertEquals("second", gate.runAlone("b", () -> "second"));
    }

    @Test
    void failedImportReleasesGate() {
        assertThrows(IllegalStateException.class, () -> gate.runAlone("a", () -> {
            throw new IllegalStateException("import failed");
        }));
        assertEquals("next", gate.runAlone("b", () -> "next"));
    }
}
