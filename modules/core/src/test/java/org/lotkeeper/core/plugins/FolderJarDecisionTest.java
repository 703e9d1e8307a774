package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FolderJarDecisionTest {

    private static final StoredJar STORED = new StoredJar("theft-1.0.0.jar", "a".repeat(64), 4_100);

    @Test
    void newJarIsImported() {
        StoredJar found = new StoredJar("hold.jar", "b".repeat(64), 2_000);

        assertEquals(FolderJarDecision.IMPORT, FolderJarDecision.of(found, List.of(STORED)));
    }

    @Test
    void anyJarIsImportedIntoEmptyTable() {
        assertEquals(FolderJarDecision.IMPORT, FolderJarDecision.of(STORED, List.of()));
    }

    @Test
    void sameContentIsAlreadyStored() {
        assertEquals(FolderJarDecision.ALREADY_STORED, FolderJarDecision.of(STORED, List.of(STORED)));
    }

    @Test
    void sameContentUnderOtherNameIsAlreadyStored() {
        StoredJar renamed = new StoredJar("theft.jar", STORED.sha256(), STORED.size());

        assertEquals(FolderJarDecision.ALREADY_STORED, FolderJarDecision.of(renamed, List.of(STORED)));
    }

    @Test
    void sameNameWithOtherContentIsTaken() {
        StoredJar older = new StoredJar(STORED.fileName(), "c".repeat(64), 4_000);

        assertEquals(FolderJarDecision.NAME_TAKEN, FolderJarDecision.of(older, List.of(STORED)));
    }
}
