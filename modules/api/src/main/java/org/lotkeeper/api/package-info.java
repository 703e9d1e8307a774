/**
 * The adjustment-type SPI, version {@value org.lotkeeper.api.SpiVersion#CURRENT}.
 *
 * <p>An adjustment type is a CDI bean that implements {@link org.lotkeeper.api.AdjustmentType}.
 * It describes itself with a {@link org.lotkeeper.api.TypeDescriptor} and turns an
 * {@link org.lotkeeper.api.AdjustmentRequest} plus a read-only {@link org.lotkeeper.api.StockView}
 * into signed {@link org.lotkeeper.api.ProposedLine}s. It never writes stock: the core validates
 * every proposed line against the ledger rules and posts them in one transaction.
 *
 * <p>The SPI evolves only by adding {@code default} methods and optional record components through
 * new factory methods, so a plugin built for version 1 keeps working until the major version
 * changes.
 */
package org.lotkeeper.api;
