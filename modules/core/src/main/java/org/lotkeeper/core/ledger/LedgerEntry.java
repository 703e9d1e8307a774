package org.lotkeeper.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

/**
 * One posted line: a signed quantity and value on one lot. Entries are written once and never
 * changed; the class has no setters on purpose.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ledger_entry_ids")
    @TableGenerator(name = "ledger_entry_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "ledger_entry", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private Long lotId;

    @Column(name = "document_id", nullable = false, updatable = false)
    private Long documentId;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "type_id", nullable = false, updatable = false, length = 40)
    private String typeId;

    @Column(name = "quantity", nullable = false, updatable = false, precision = 19, scale = 6)
    private BigDecimal quantity;

    @Column(name = "stock_value", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal value;

    @Column(name = "effective_at", nullable = false, updatable = false)
    private Instant effectiveAt;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, updatable = false, length = 100)
    private String postedBy;

    @Column(name = "reason_code", updatable = false, length = 60)
    private String reasonCode;

    @Column(name = "note", updatable = false, length = 1000)
    private String note;

    @Column(name = "cost_source", nullable = false, updatable = false, length = 200)
    private String costSource;

    @Column(name = "attributes_json", nullable = false, updatable = false, length = 4000)
    private String attributesJson;

    @Column(name = "reverses_entry_id", updatable = false)
    private Long reversesEntryId;

    protected LedgerEntry() {
    }

    public LedgerEntry(Long lotId, Long documentId, int lineNo, String typeId, BigDecimal quantity, BigDecimal value,
                       Instant effectiveAt, Instant postedAt, String postedBy) {
        this.lotId = lotId;
        this.documentId = documentId;
        this.lineNo = lineNo;
        this.typeId = typeId;
        this.quantity = quantity;
        this.value = value;
        this.effectiveAt = effectiveAt;
        this.postedAt = postedAt;
        this.postedBy = postedBy;
        this.costSource = "lot cost";
        this.attributesJson = "{}";
    }

    /** Sets the descriptive fields; called once, before the entry is persisted. */
    public LedgerEntry describe(String reason, String noteText, String source, String attributes, Long reverses) {
        this.reasonCode = reason;
        this.note = noteText;
        this.costSource = source;
        this.attributesJson = attributes;
        this.reversesEntryId = reverses;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Long getLotId() {
        return lotId;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public String getTypeId() {
        return typeId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public String getPostedBy() {
        return postedBy;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public String getNote() {
        return note;
    }

    public String getCostSource() {
        return costSource;
    }

    public String getAttributesJson() {
        return attributesJson;
    }

    public Long getReversesEntryId() {
        return reversesEntryId;
    }
}
