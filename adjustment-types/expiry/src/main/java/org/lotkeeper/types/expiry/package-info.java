/**
 * The expiry write-off type, which removes stock from lots that are expired on a given date.
 */
package org.lotkeeper.types.expiry;
