/**
 * Lots: where stock lives. A lot is identified by product, code and location and carries its
 * balance of quantity and value, which always equals the sum of its ledger entries.
 */
package org.lotkeeper.core.lots;
