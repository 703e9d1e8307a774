package org.lotkeeper.benchmark;

import java.util.List;

/**
 * One document that a posting workload sends: the same change on each listed lot, either a
 * write-off of one unit ({@code damage}) or a receipt of one unit at the lot's cost
 * ({@code opening}). Workloads alternate the two on the same lots, so balances stay put.
 *
 * @param damage whether the document writes off, rather than receives, one unit per line
 * @param lots   one lot per line; a lot may appear on several lines
 */
record DocumentSpec(boolean damage, List<Long> lots) {

    String type() {
        return damage ? "damage" : "opening";
    }

    /** Returns the signed quantity that every line adds to its lot. */
    int delta() {
        return damage ? -1 : 1;
    }
}
