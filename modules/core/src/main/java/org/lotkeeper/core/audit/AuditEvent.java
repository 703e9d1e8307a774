package org.lotkeeper.core.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import org.lotkeeper.core.support.IdBlocks;

/** One audited action. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_event_ids")
    @TableGenerator(name = "audit_event_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "audit_event", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;

    @Column(name = "audit_action", nullable = false, length = 60)
    private String action;

    @Column(name = "target", length = 200)
    private String target;

    @Column(name = "outcome", nullable = false, length = 20)
    private String outcome;

    @Column(name = "detail", length = 2000)
    private String detail;

    @Column(name = "remote_address", length = 100)
    private String remoteAddress;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String userName, String action, String target, String outcome, String detail,
                      String remoteAddress) {
        this.occurredAt = occurredAt;
        this.userName = userName;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUserName() {
        return userName;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }
}
