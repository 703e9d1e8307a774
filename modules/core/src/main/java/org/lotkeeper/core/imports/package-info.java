/** CSV import of locations, products, bills of materials and opening stock. */
package org.lotkeeper.core.imports;
