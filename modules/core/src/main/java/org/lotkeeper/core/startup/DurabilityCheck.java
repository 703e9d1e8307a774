package org.lotkeeper.core.startup;

import java.util.logging.Logger;

/**
 * Refuses to start on Derby's test durability mode, in which a commit does not wait for the
 * disk and a crash loses acknowledged postings, unless the configuration explicitly allows it.
 */
final class DurabilityCheck {

    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class.getName());

    /** Derby system property that switches off synchronous writes when set to {@code test}. */
    static final String DERBY_DURABILITY = "derby.system.durability";

    private DurabilityCheck() {
    }

    static void requireDurableCommits(boolean allowNonDurable) {
        String durability = System.getProperty(DERBY_DURABILITY);
        if (!"test".equalsIgnoreCase(durability)) {
            return;
        }
        if (allowNonDurable) {
            LOG.warning("Derby runs with " + DERBY_DURABILITY + "=test: a crash can lose acknowledged postings."
                    + " Allowed by lotkeeper.db.allow-non-durable=true; never use this for real stock.");
            return;
        }
        throw new IllegalStateException("Derby runs with " + DERBY_DURABILITY + "=test, so a crash could lose"
                + " acknowledged postings. Remove that system property, or set lotkeeper.db.allow-non-durable=true"
                + " for throw-away test data.");
    }
}
