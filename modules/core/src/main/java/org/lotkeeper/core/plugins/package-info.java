/**
 * The adjustment-type registry: discovers types with CDI, merges them with the settings admins
 * stored, and calls them safely. A type that throws or breaks the SPI is contained and reported
 * as that type's failure.
 */
package org.lotkeeper.core.plugins;
