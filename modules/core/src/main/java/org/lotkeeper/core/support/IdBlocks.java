package org.lotkeeper.core.support;

/** How primary keys are allocated: blocks of ids from the {@code id_block} table. */
public final class IdBlocks {

    /**
     * Ids taken per block. Each block costs a committed transaction of its own, so a 10-line
     * posting took a block every 5 documents at 50 and takes one every 50 documents at 500. A
     * restart loses the unused rest of each block, so ids have gaps of up to this size; nothing
     * relies on ids being consecutive.
     */
    public static final int SIZE = 500;

    private IdBlocks() {
    }
}
