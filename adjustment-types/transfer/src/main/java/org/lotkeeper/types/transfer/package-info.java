/**
 * The transfer type, which moves stock and its value to another lot or location.
 */
package org.lotkeeper.types.transfer;
