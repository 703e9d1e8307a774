package org.lotkeeper.core.webhooks;

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
 * An HTTP endpoint that receives posted and reversed documents. The secret signs every
 * delivery; it is shown to the admin once, on registration, and never returned again.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "webhook_ids")
    @TableGenerator(name = "webhook_ids", table = "id_block", pkColumnName = "block_name",
            valueColumnName = "next_value", pkColumnValue = "webhook", allocationSize = IdBlocks.SIZE)
    private Long id;

    @Column(name = "url", nullable = false, length = 1000)
    private String url;

    @Column(name = "secret", nullable = false, length = 100)
    private String secret;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Webhook() {
    }

    Webhook(String url, String secret, String createdBy, Instant createdAt) {
        this.url = url;
        this.secret = secret;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    /** Returns the signing secret; only the delivery code and the registration response use it. */
    String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "webhook " + id + " (" + url + ")";
    }
}
