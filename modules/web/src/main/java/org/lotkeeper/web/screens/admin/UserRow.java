package org.lotkeeper.web.screens.admin;

import java.io.Serializable;
import java.time.Instant;

import org.lotkeeper.core.security.AppUser;

/** One user as the users page lists it; the role is editable in the row. */
public class UserRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String userName;
    private final boolean enabled;
    private final Instant createdAt;
    private String role;

    UserRow(AppUser user) {
        this.userName = user.getUserName();
        this.enabled = user.isEnabled();
        this.createdAt = user.getCreatedAt();
        this.role = user.getRole().roleName();
    }

    public String getUserName() {
        return userName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Returns the role name as chosen in the row: {@code admin}, {@code staff} or {@code viewer}. */
    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
