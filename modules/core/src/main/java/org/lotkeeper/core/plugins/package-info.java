/**
 * The adjustment-type registry: finds the types that are part of the application with CDI and
 * the installed plugin jars, which the database stores for every server and each server loads
 * from a local copy, each in a class loader of its own. It merges them with the settings admins
 * stored, and calls them safely. Uploaded jars are checked before they are installed and can be
 * uninstalled again, without a restart, and every server sharing the database follows within a
 * few seconds. A type that throws or breaks the SPI is contained and reported as that type's
 * failure.
 */
package org.lotkeeper.core.plugins;
