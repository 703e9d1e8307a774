package org.lotkeeper.core.adjustments;

import java.math.BigDecimal;
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

/** An adjustment document: the request a user made and, once posted, who posted it and its value effect. */
@Entity
@Table(name = "adjustment_document")
public class AdjustmentDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "adjustment_document_ids")
    @TableGenerator(name = "adjustment_document_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "adjustment_document", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "type_id", nullable = false, length = 40)
    private String typeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private DocumentStatus status;

    @Column(name = "client_key", length = 200)
    private String clientKey;

    @Column(name = "request_hash", length = 64)
    private String requestHash;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    @Column(name = "fields_json", nullable = false, length = 4000)
    private String fieldsJson;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "posted_by", length = 100)
    private String postedBy;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "value_effect", precision = 19, scale = 2)
    private BigDecimal valueEffect;

    @Column(name = "reverses_id")
    private Long reversesId;

    @Column(name = "reversed_by_id")
    private Long reversedById;

    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<RequestLineEntity> lines = new ArrayList<>();

    protected AdjustmentDocument() {
    }

    public AdjustmentDocument(String typeId, LocalDate effectiveDate, Instant effectiveAt, String fieldsJson,
                              String createdBy, Instant createdAt) {
        this.typeId = typeId;
        this.status = DocumentStatus.DRAFT;
        this.effectiveDate = effectiveDate;
        this.effectiveAt = effectiveAt;
        this.fieldsJson = fieldsJson;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTypeId() {
        return typeId;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public String getClientKey() {
        return clientKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void identify(String key, String hash) {
        this.clientKey = key;
        this.requestHash = hash;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public String getFieldsJson() {
        return fieldsJson;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getPostedBy() {
        return postedBy;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public BigDecimal getValueEffect() {
        return valueEffect;
    }

    public Long getReversesId() {
        return reversesId;
    }

    public Long getReversedById() {
        return reversedById;
    }

    public List<RequestLineEntity> getLines() {
        return lines;
    }

    /** Replaces the request of a draft: its date, fields and lines. */
    public void revise(LocalDate date, Instant at, String fields, List<RequestLineEntity> newLines) {
        this.effectiveDate = date;
        this.effectiveAt = at;
        this.fieldsJson = fields;
        this.lines.clear();
        newLines.forEach(this::addLine);
    }

    /** Adds a request line to this document. */
    public void addLine(RequestLineEntity line) {
        line.attachTo(this);
        lines.add(line);
    }

    public void markSubmitted(String user, Instant at) {
        this.status = DocumentStatus.SUBMITTED;
        this.submittedBy = user;
        this.submittedAt = at;
    }

    public void markPosted(String user, Instant at, BigDecimal value) {
        this.status = DocumentStatus.POSTED;
        this.postedBy = user;
        this.postedAt = at;
        this.valueEffect = value;
    }

    public void markReversedBy(Long reversalId) {
        this.status = DocumentStatus.REVERSED;
        this.reversedById = reversalId;
    }

    public void linkAsReversalOf(Long originalId) {
        this.reversesId = originalId;
    }

    /** Sets the effective instant, for a document posted later than it was drafted. */
    public void setEffectiveAt(Instant effectiveAt) {
        this.effectiveAt = effectiveAt;
    }

    public boolean isReversal() {
        return reversesId != null;
    }
}
