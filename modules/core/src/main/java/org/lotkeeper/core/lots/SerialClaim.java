package org.lotkeeper.core.lots;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Record that a product has used a serial number. Its primary key makes two concurrent postings
 * that create the same serial collide in the database, so exactly one of them succeeds.
 */
@Entity
@Table(name = "serial_claim")
@IdClass(SerialClaim.Key.class)
public class SerialClaim {

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Id
    @Column(name = "serial_code", length = 100)
    private String serialCode;

    @Column(name = "first_lot_id", nullable = false)
    private Long firstLotId;

    protected SerialClaim() {
    }

    public SerialClaim(Long productId, String serialCode, Long firstLotId) {
        this.productId = productId;
        this.serialCode = serialCode;
        this.firstLotId = firstLotId;
    }

    /** Composite key of a claim. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long productId;
        private String serialCode;

        public Key() {
        }

        public Key(Long productId, String serialCode) {
            this.productId = productId;
            this.serialCode = serialCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(productId, key.productId)
                    && Objects.equals(serialCode, key.serialCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(productId, serialCode);
        }
    }
}
