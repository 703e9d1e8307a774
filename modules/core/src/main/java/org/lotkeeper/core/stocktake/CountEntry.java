package org.lotkeeper.core.stocktake;

import java.math.BigDecimal;
import java.time.Instant;

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

/** One count of a lot, such as the top shelf; the counts of a lot add up. */
@Entity
@Table(name = "count_entry")
public class CountEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "count_entry_ids")
    @TableGenerator(name = "count_entry_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "count_entry", allocationSize = IdBlocks.SIZE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "line_id", nullable = false)
    private CountLine line;

    @Column(name = "quantity", nullable = false, precision = 19, scale = 6)
    private BigDecimal quantity;

    @Column(name = "counted_by", nullable = false, length = 100)
    private String countedBy;

    @Column(name = "counted_at", nullable = false)
    private Instant countedAt;

    protected CountEntry() {
    }

    CountEntry(CountLine line, BigDecimal quantity, String countedBy, Instant countedAt) {
        this.line = line;
        this.quantity = quantity;
        this.countedBy = countedBy;
        this.countedAt = countedAt;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getCountedBy() {
        return countedBy;
    }

    public Instant getCountedAt() {
        return countedAt;
    }
}
