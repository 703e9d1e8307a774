/**
 * Count sheets: the lots to count, each lot's snapshot frozen when counting starts, the counts
 * entered (several per lot add up, blank is not zero), and the posting of the variances as one
 * stocktake document. A lot is on at most one open sheet, and a lot that moved after its snapshot
 * blocks posting until someone says how to treat it.
 */
package org.lotkeeper.core.stocktake;
