package org.lotkeeper.core.imports;

import java.util.Optional;

/** Handling of the checked rows: report only, apply all or nothing, or apply the valid ones. */
public enum ImportMode {
    /** Checks every row and reports, changing nothing. */
    DRY_RUN("dry-run"),
    /** Applies the whole file, or nothing when any row has an error. */
    COMMIT("commit"),
    /** Applies the valid rows and returns the rejected ones as CSV. */
    COMMIT_VALID("commit-valid");

    private final String id;

    ImportMode(String id) {
        this.id = id;
    }

    /** Returns the mode as the API names it, such as {@code commit-valid}. */
    public String id() {
        return id;
    }

    public static Optional<ImportMode> parse(String id) {
        for (ImportMode mode : values()) {
            if (mode.id.equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
