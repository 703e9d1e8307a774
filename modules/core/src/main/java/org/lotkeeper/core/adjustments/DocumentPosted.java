package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * CDI event fired when a document posts, reversals included, inside the posting transaction.
 * Observers that must only see committed postings use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}: a preview runs the same posting
 * and rolls it back, so an observer called during the transaction also receives previews.
 *
 * @param documentId  the posted document
 * @param typeId      its adjustment type
 * @param reversesId  the document it reverses, or {@code null}
 * @param postedBy    the user who posted it
 * @param effectiveAt when its lines take effect
 * @param valueEffect the sum of the values of its entries
 */
public record DocumentPosted(long documentId, String typeId, Long reversesId, String postedBy, Instant effectiveAt,
                             BigDecimal valueEffect) {

    static DocumentPosted of(AdjustmentDocument document) {
        return new DocumentPosted(document.getId(), document.getTypeId(), document.getReversesId(),
                document.getPostedBy(), document.getEffectiveAt(), document.getValueEffect());
    }
}
