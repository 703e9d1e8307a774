package org.lotkeeper.core.lots;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

import org.lotkeeper.api.LotInfo;
import org.lotkeeper.core.catalog.Location;
import org.lotkeeper.core.catalog.Product;

/**
 * A lot and its balance. Only the posting engine changes the balance, and only together with the
 * ledger entries that explain it.
 */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "lot_ids")
    @TableGenerator(name = "lot_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "lot", allocationSize = IdBlocks.SIZE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    private Product product;

    @Column(name = "code", nullable = false, length = 100)
    private String code;

    @ManyToOne(optional = false)
    @JoinColumn(name = "location_id", nullable = false)
    private Location location;

    @Column(name = "expiry_date")
    private LocalDate expiry;

    @Column(name = "unit_cost", precision = 19, scale = 4)
    private BigDecimal unitCost;

    @Column(name = "lot_condition", nullable = false, length = 30)
    private String condition;

    @Column(name = "quantity", nullable = false, precision = 19, scale = 6)
    private BigDecimal quantity;

    @Column(name = "stock_value", nullable = false, precision = 19, scale = 2)
    private BigDecimal value;

    @Column(name = "last_effective_at")
    private Instant lastEffectiveAt;

    /** Effective time of the latest posted stocktake that counted this lot; null when none did. */
    @Column(name = "last_counted_at")
    private Instant lastCountedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "origin", length = 2000)
    private String origin;

    protected Lot() {
    }

    public Lot(Product product, String code, Location location, LocalDate expiry, String condition, Instant createdAt) {
        this.product = product;
        this.code = code;
        this.location = location;
        this.expiry = expiry;
        this.condition = condition == null ? "ok" : condition;
        this.quantity = BigDecimal.ZERO;
        this.value = BigDecimal.ZERO.setScale(2);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public String getCode() {
        return code;
    }

    public Location getLocation() {
        return location;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public String getCondition() {
        return condition;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Instant getLastEffectiveAt() {
        return lastEffectiveAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    /**
     * Applies one posted entry to the balance. Called by the posting engine only, in the same
     * transaction as the entry's insert.
     */
    public void apply(BigDecimal quantityDelta, BigDecimal valueDelta, BigDecimal newUnitCost, Instant effectiveAt) {
        quantity = quantity.add(quantityDelta);
        value = value.add(valueDelta);
        unitCost = newUnitCost;
        if (lastEffectiveAt == null || effectiveAt.isAfter(lastEffectiveAt)) {
            lastEffectiveAt = effectiveAt;
        }
    }

    /** Records that a stocktake effective at {@code effectiveAt} counted this lot. */
    public void recordCount(Instant effectiveAt) {
        if (lastCountedAt == null || effectiveAt.isAfter(lastCountedAt)) {
            lastCountedAt = effectiveAt;
        }
    }

    public Instant getLastCountedAt() {
        return lastCountedAt;
    }

    public LotInfo toInfo() {
        return toInfo(quantity, value);
    }

    /** Returns the lot as plugins see it, with the balance given (for a view as of a past date). */
    public LotInfo toInfo(BigDecimal quantityAt, BigDecimal valueAt) {
        return new LotInfo(id, product.getSku(), code, location.getCode(), expiry, quantityAt.stripTrailingZeros(),
                valueAt, unitCost, condition);
    }

    @Override
    public String toString() {
        return "lot " + id + " (" + product.getSku() + " " + code + " at " + location.getCode() + ")";
    }
}
