package org.lotkeeper.core.plugins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Settings an admin stored for one adjustment type. */
@Entity
@Table(name = "type_setting")
public class TypeSetting {

    /** Days a document may be dated in the past when nobody configured the type. */
    public static final int DEFAULT_BACKDATING_DAYS = 31;

    @Id
    @Column(name = "type_id", length = 40)
    private String typeId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Column(name = "backdating_days", nullable = false)
    private int backdatingDays;

    @Column(name = "reason_codes", nullable = false, length = 2000)
    private String reasonCodes;

    @Column(name = "properties_json", nullable = false, length = 4000)
    private String propertiesJson;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected TypeSetting() {
    }

    public TypeSetting(String typeId, Instant updatedAt, String updatedBy) {
        this.typeId = typeId;
        this.enabled = true;
        this.backdatingDays = DEFAULT_BACKDATING_DAYS;
        this.reasonCodes = "";
        this.propertiesJson = "{}";
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    public String getTypeId() {
        return typeId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public int getBackdatingDays() {
        return backdatingDays;
    }

    public String getReasonCodes() {
        return reasonCodes;
    }

    public String getPropertiesJson() {
        return propertiesJson;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** Replaces every setting at once. */
    public void update(boolean enabledValue, boolean approval, int backdating, String reasons, String properties,
                       Instant at, String user) {
        this.enabled = enabledValue;
        this.approvalRequired = approval;
        this.backdatingDays = backdating;
        this.reasonCodes = reasons;
        this.propertiesJson = properties;
        this.updatedAt = at;
        this.updatedBy = user;
    }
}
