package org.lotkeeper.core.support;

/** How primary keys are allocated: blocks of ids from the {@code id_block} table. */
public final class IdBlocks {

    /**
     * Ids taken per block. A restart loses the unused rest of each block, so ids have gaps of up
     * to this size; nothing relies on ids being consecutive.
     */
    public static final int SIZE = 50;

    private IdBlocks() {
    }
}
