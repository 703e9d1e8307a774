/** The lot list with live filters, a lot's ledger history, and the list of expired and expiring lots. */
package org.lotkeeper.web.screens.lots;
