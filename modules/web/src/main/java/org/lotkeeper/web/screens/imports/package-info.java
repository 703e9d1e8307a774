/** The CSV import screen: upload, dry-run report, and commit of the whole file or of its valid rows. */
package org.lotkeeper.web.screens.imports;
