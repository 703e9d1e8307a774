package org.lotkeeper.core.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

/**
 * One event sent to one webhook: its payload, the attempts so far, the last outcome and the
 * claim of the server that is sending the next attempt.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Maximum length of the error text stored per attempt; longer messages are cut. */
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "webhook_delivery_ids")
    @TableGenerator(name = "webhook_delivery_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "webhook_delivery", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "webhook_id", nullable = false)
    private long webhookId;

    @Column(name = "event_id", nullable = false, length = 36)
    private String eventId;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "payload", nullable = false, length = 4000)
    private String payload;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private DeliveryStatus status;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    // Claims and outcomes are written with JDBC by DeliveryClaims; the mapping only reads them.
    @Column(name = "claimed_by", length = InstanceId.MAX_LENGTH, insertable = false, updatable = false)
    private String claimedBy;

    @Column(name = "claimed_until", insertable = false, updatable = false)
    private Instant claimedUntil;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long webhookId, String eventId, long documentId, String payload, Instant firstAttemptAt) {
        this.webhookId = webhookId;
        this.eventId = eventId;
        this.documentId = documentId;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = firstAttemptAt;
    }

    public Long getId() {
        return id;
    }

    public long getWebhookId() {
        return webhookId;
    }

    public String getEventId() {
        return eventId;
    }

    public long getDocumentId() {
        return documentId;
    }

    public String getPayload() {
        return payload;
    }

    public int getAttempts() {
        return attempts;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    /** Returns the instance id of the server that holds a claim on the next attempt, or {@code null}. */
    public String getClaimedBy() {
        return claimedBy;
    }

    /** Returns when the claim on the next attempt expires, or {@code null} without a claim. */
    public Instant getClaimedUntil() {
        return claimedUntil;
    }
}
