package org.lotkeeper.core.security;

import java.util.Locale;

/** What a user may do. Each role includes the rights of the roles below it. */
public enum Role {
    /** Read only. */
    VIEWER,
    /** Creates and posts adjustments of enabled types. */
    STAFF,
    /** Everything: plugins, users, approvals. */
    ADMIN;

    /** Returns the role name used by Jakarta Security and in the database: {@code staff}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether this role includes the rights of {@code other}. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Parses a role name such as {@code staff}; throws when the name is unknown. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.roleName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + name + "'; allowed: admin, staff, viewer");
    }
}
