package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SyncPlanTest {

    private static final StoredJar THEFT = new StoredJar("theft-1.0.0.jar", "a".repeat(64), 4_100);
    private static final StoredJar THEFT_NEWER = new StoredJar("theft-1.0.0.jar", "b".repeat(64), 4_200);
    private static final StoredJar HOLD = new StoredJar("hold-2.1.jar", "c".repeat(64), 9_000);
    private static final StoredJar AUDIT = new StoredJar("audit.jar", "d".repeat(64), 1_000);

    @Test
    void sameJarsNeedNothing() {
        SyncPlan plan = SyncPlan.between(List.of(THEFT, HOLD), List.of(HOLD, THEFT));

        assertTrue(plan.isEmpty(), plan.toString());
    }

    @Test
    void newRowIsLoaded() {
        SyncPlan plan = SyncPlan.between(List.of(HOLD, THEFT), List.of(HOLD));

        assertEquals(List.of(THEFT), plan.load(), "load");
        assertEquals(List.of(), plan.unload(), "unload");
        assertFalse(plan.isEmpty());
    }

    @Test
    void removedRowIsUnloaded() {
        SyncPlan plan = SyncPlan.between(List.of(HOLD), List.of(THEFT, HOLD));

        assertEquals(List.of(), plan.load(), "load");
        assertEquals(List.of(THEFT), plan.unload(), "unload");
    }

    @Test
    void replacedContentIsUnloadedAndLoaded() {
        SyncPlan plan = SyncPlan.between(List.of(THEFT_NEWER), List.of(THEFT));

        assertEquals(List.of(THEFT), plan.unload(), "the old content goes first");
        assertEquals(List.of(THEFT_NEWER), plan.load(), "then the new content loads");
    }

    @Test
    void emptyTableUnloadsEverything() {
        SyncPlan plan = SyncPlan.between(List.of(), List.of(THEFT, HOLD, AUDIT));

        assertEquals(List.of(AUDIT, HOLD, THEFT), plan.unload(), "all, by file name");
        assertEquals(List.of(), plan.load(), "load");
    }

    @Test
    void firstSyncLoadsByFileName() {
        SyncPlan plan = SyncPlan.between(List.of(THEFT, AUDIT, HOLD), List.of());

        assertEquals(List.of(AUDIT, HOLD, THEFT), plan.load(), "load");
        assertEquals(List.of(), plan.unload(), "unload");
    }
}
