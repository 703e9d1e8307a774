/**
 * The stocktake type, which turns counted quantities into variance lines per lot.
 */
package org.lotkeeper.types.stocktake;
