package org.lotkeeper.core.plugins;

import java.util.Collection;

/**
 * The action start-up takes on a jar found directly in the plugins folder. Servers kept installed
 * jars there before the database stored them, and an admin may still copy one there.
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
