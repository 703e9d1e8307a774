/**
 * The picking correction type, which returns or takes stock after a picking error on an order.
 */
package org.lotkeeper.types.pickingcorrection;
