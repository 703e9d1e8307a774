package org.lotkeeper.core.stocktake;

/** Life cycle of a count sheet. */
public enum SheetStatus {
    /** Counting; counts may be entered. */
    OPEN,
    /** Posted as a stocktake document; never changes again. */
    POSTED,
    /** Abandoned; its lots may be counted on another sheet. */
    CANCELLED
}
