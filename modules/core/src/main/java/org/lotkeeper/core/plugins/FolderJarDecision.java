package org.lotkeeper.core.plugins;

import java.util.Collection;

/**
 * What start-up does with a jar found directly in the plugins folder, where servers kept
 * installed jars before they were stored in the database, and where an admin may still copy one.
 */
enum FolderJarDecision {

    /** No stored jar has its name or content: check it and store it like an upload. */
    IMPORT,
    /** A stored jar has the same content: the database copy wins, and the file is deleted. */
    ALREADY_STORED,
    /** A stored jar has its file name but other content: leave the file and warn. */
    NAME_TAKEN;

    static FolderJarDecision of(StoredJar folderJar, Collection<StoredJar> stored) {
        for (StoredJar jar : stored) {
            if (jar.sha256().equals(folderJar.sha256())) {
                return ALREADY_STORED;
            }
        }
        for (StoredJar jar : stored) {
            if (jar.fileName().equals(folderJar.fileName())) {
                return NAME_TAKEN;
            }
        }
        return IMPORT;
    }
}
