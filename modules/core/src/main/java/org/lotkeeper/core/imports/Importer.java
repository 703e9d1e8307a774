package org.lotkeeper.core.imports;

import java.util.List;

/**
 * One kind of import in two steps: check every row without writing, then apply the accepted rows
 * in one transaction.
 *
 * @param <P> what the check found to apply
 */
interface Importer<P> {

    /** Checks the rows, recording errors and warnings, and returns the changes for the rows without errors. */
    P check(ImportFile file, ImportIssues issues);

    /**
     * Returns the documents posted by an earlier import of the identical file, or an empty list
     * when there was none or when this kind posts no documents.
     */
    default List<Long> earlierImport(String contentHash) {
        return List.of();
    }

    /** Returns whether the checked plan changes anything. */
    boolean changesAnything(P plan);

    /**
     * Applies the plan in one transaction and returns the ids of the documents it posted.
     *
     * @throws ImportApplyException when the core rejects a change; nothing is written then
     */
    List<Long> apply(P plan);
}
