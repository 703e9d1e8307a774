/**
 * The sample type, which removes stock given away, from named lots or first-expiry-first-out.
 */
package org.lotkeeper.types.sample;
