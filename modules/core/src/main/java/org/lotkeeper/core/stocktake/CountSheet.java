package org.lotkeeper.core.stocktake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

/** A count sheet: the lots of one stocktake and their snapshots and counts. */
@Entity
@Table(name = "count_sheet")
public class CountSheet {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "count_sheet_ids")
    @TableGenerator(name = "count_sheet_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "count_sheet", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private SheetStatus status;

    @Column(name = "blind", nullable = false)
    private boolean blind;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "document_id")
    private Long documentId;

    @OneToMany(mappedBy = "sheet", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CountLine> lines = new ArrayList<>();

    protected CountSheet() {
    }

    public CountSheet(boolean blind, LocalDate effectiveDate, String note, String createdBy, Instant createdAt) {
        this.status = SheetStatus.OPEN;
        this.blind = blind;
        this.effectiveDate = effectiveDate;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public SheetStatus getStatus() {
        return status;
    }

    public boolean isBlind() {
        return blind;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public List<CountLine> getLines() {
        return lines;
    }

    void addLine(CountLine line) {
        lines.add(line);
    }

    void markPosted(Long document) {
        this.status = SheetStatus.POSTED;
        this.documentId = document;
    }

    void markCancelled() {
        this.status = SheetStatus.CANCELLED;
    }
}
