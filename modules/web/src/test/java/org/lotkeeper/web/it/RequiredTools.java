package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Decides what a test does when an external program it runs (PostgreSQL, nginx, ip) is missing:
 * it is skipped with the reason, except in CI. {@code .ci/run} installs the programs and sets
 * {@code LOTKEEPER_CI=true}, so there a missing program fails the test instead of hiding it.
 */
final class RequiredTools {

    private RequiredTools() {
    }

    /** Skips the test with {@code reason}, or fails it in CI, when {@code available} is false. */
    static void require(boolean available, String reason) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("LOTKEEPER_CI"))) {
            fail(reason + " (LOTKEEPER_CI=true, so the test fails instead of being skipped)");
        }
        abort("skipped: " + reason);
    }
}
