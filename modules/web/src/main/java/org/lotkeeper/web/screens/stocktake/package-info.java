/** Stocktake: opening a count sheet for a location, entering counts, and posting with resolutions. */
package org.lotkeeper.web.screens.stocktake;
