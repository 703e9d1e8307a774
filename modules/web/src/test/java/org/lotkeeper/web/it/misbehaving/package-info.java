/** Adjustment types that break the SPI on purpose, deployed only by the integration tests. */
package org.lotkeeper.web.it.misbehaving;
