package org.lotkeeper.core.adjustments;

/** Life cycle of an adjustment document. */
public enum DocumentStatus {
    /** Saved, editable, not yet in the ledger. */
    DRAFT,
    /** Waiting for an admin's approval; only for types that require approval. */
    SUBMITTED,
    /** In the ledger. */
    POSTED,
    /** Posted, then cancelled by a linked reversal document. */
    REVERSED
}
