/** Products with their units and bills of materials, and the locations stock is kept in. */
package org.lotkeeper.core.catalog;
