package org.lotkeeper.core.imports;

/** Result of an import as a whole. */
public enum ImportOutcome {
    /** A dry run: rows were checked and nothing changed. */
    CHECKED,
    /** The accepted rows were applied; in commit-valid mode the rejected rows were left out. */
    APPLIED,
    /** A commit was rejected as a whole because of the listed errors; nothing changed. */
    REJECTED,
    /** The identical file was imported before; its documents are returned and nothing changed. */
    ALREADY_IMPORTED
}
