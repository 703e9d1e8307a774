package org.lotkeeper.core.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.lots.Lot;
import org.lotkeeper.core.support.IdBlocks;

/** One lot on a count sheet: its frozen snapshot and the counts entered for it. */
@Entity
@Table(name = "count_line")
public class CountLine {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "count_line_ids")
    @TableGenerator(name = "count_line_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "count_line", allocationSize = IdBlocks.SIZE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sheet_id", nullable = false)
    private CountSheet sheet;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id", nullable = false)
    private Lot lot;

    @Column(name = "snapshot_quantity", nullable = false, precision = 19, scale = 6)
    private BigDecimal snapshotQuantity;

    @Column(name = "snapshot_value", nullable = false, precision = 19, scale = 2)
    private BigDecimal snapshotValue;

    @Column(name = "snapshot_at", nullable = false)
    private Instant snapshotAt;

    /** Id of the lot's latest ledger entry when the snapshot was taken; later entries are movements. */
    @Column(name = "snapshot_entry_id", nullable = false)
    private Long snapshotEntryId;

    @Column(name = "unit_cost", precision = 19, scale = 4)
    private BigDecimal unitCost;

    @OneToMany(mappedBy = "line", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CountEntry> entries = new ArrayList<>();

    protected CountLine() {
    }

    CountLine(CountSheet sheet, Lot lot) {
        this.sheet = sheet;
        this.lot = lot;
    }

    void snapshot(BigDecimal quantity, BigDecimal value, Instant at, Long lastEntryId) {
        this.snapshotQuantity = quantity;
        this.snapshotValue = value;
        this.snapshotAt = at;
        this.snapshotEntryId = lastEntryId;
        this.entries.clear();
    }

    public Long getId() {
        return id;
    }

    public Lot getLot() {
        return lot;
    }

    public BigDecimal getSnapshotQuantity() {
        return snapshotQuantity;
    }

    public BigDecimal getSnapshotValue() {
        return snapshotValue;
    }

    public Instant getSnapshotAt() {
        return snapshotAt;
    }

    public Long getSnapshotEntryId() {
        return snapshotEntryId;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public List<CountEntry> getEntries() {
        return entries;
    }

    void addEntry(CountEntry entry) {
        entries.add(entry);
    }

    /** Returns the sum of the counts, or {@code null} when nothing was counted: blank is not zero. */
    public BigDecimal counted() {
        if (entries.isEmpty()) {
            return null;
        }
        return entries.stream().map(CountEntry::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
