/**
 * The adjustment-type registry: finds the types that are part of the application with CDI and
 * the uploaded plugin jars in the plugins folder, each in a class loader of its own, merges them
 * with the settings admins stored, and calls them safely. Uploaded jars are checked before they
 * are installed and can be uninstalled again, without a restart. A type that throws or breaks the
 * SPI is contained and reported as that type's failure.
 */
package org.lotkeeper.core.plugins;
