package org.lotkeeper.core.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Record that a posted stocktake counted a lot, even when the count matched and no entry was
 * written. A backdated change to the lot before that count is rejected.
 */
@Entity
@Table(name = "lot_count")
@IdClass(LotCount.Key.class)
public class LotCount {

    @Id
    @Column(name = "lot_id")
    private Long lotId;

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    protected LotCount() {
    }

    public LotCount(Long lotId, Long documentId, Instant effectiveAt) {
        this.lotId = lotId;
        this.documentId = documentId;
        this.effectiveAt = effectiveAt;
    }

    public Long getLotId() {
        return lotId;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    /** Composite key of a lot count. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long lotId;
        private Long documentId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lotId, key.lotId)
                    && Objects.equals(documentId, key.documentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lotId, documentId);
        }
    }
}
