/**
 * New adjustment (a form generated from the chosen type's field descriptors, with preview and
 * post), the adjustment list, and a document's detail with its entries and reversal.
 */
package org.lotkeeper.web.screens.adjustments;
