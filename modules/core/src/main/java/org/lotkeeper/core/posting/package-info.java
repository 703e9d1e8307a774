/**
 * The only writer of stock. The posting engine checks proposed lines against the ledger rules,
 * locks the lots involved in ascending id order, values each line and writes the entries and the
 * new balances in the caller's transaction.
 */
package org.lotkeeper.core.posting;
