/**
 * Adjustment documents: drafts that store the user's request, their life cycle
 * (draft, submitted, posted, reversed) and idempotent submission by client key.
 */
package org.lotkeeper.core.adjustments;
