/**
 * The append-only ledger: one entry per posted line, never updated or deleted, and the queries
 * and checks built on it (stock as of a date, verification of balances against entries).
 */
package org.lotkeeper.core.ledger;
