/** Pieces every feature uses: typed rejections, the business calendar and JSON columns. */
package org.lotkeeper.core.support;
