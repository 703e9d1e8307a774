package org.lotkeeper.core.stocktake;

/** How to treat a lot that moved after its snapshot was taken. */
public enum Resolution {
    /** The count was taken before the movements: the variance is counted minus the snapshot. */
    BEFORE,
    /** The count was taken after the movements: the variance is counted minus the current quantity. */
    AFTER
}
