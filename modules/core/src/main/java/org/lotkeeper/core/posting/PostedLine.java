package org.lotkeeper.core.posting;

import java.math.BigDecimal;

import org.lotkeeper.core.ledger.LedgerEntry;

/**
 * What the engine wrote for one line.
 *
 * @param lineNo        position in the document
 * @param lotId         the lot
 * @param quantity      signed quantity
 * @param value         signed value in cents
 * @param quantityAfter the lot's quantity after the posting
 * @param valueAfter    the lot's value after the posting
 * @param costSource    where the value came from, as recorded in the ledger
 * @param entry         the ledger entry written for the line, so that a response can show it without reading it back
 */
public record PostedLine(int lineNo, long lotId, BigDecimal quantity, BigDecimal value, BigDecimal quantityAfter,
                         BigDecimal valueAfter, String costSource, LedgerEntry entry) {
}
