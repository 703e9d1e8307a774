package org.lotkeeper.core.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginCacheTest {

    private static final String STORED_HASH = "PBKDF2WithHmacSHA256:210000:salt:hash";

    @Test
    void samePasswordAndHashIsVerified() {
        LoginCache cache = new LoginCache();
        cache.remember("ann", "secret-1".toCharArray(), STORED_HASH);

        assertTrue(cache.verified("ann", "secret-1".toCharArray(), STORED_HASH));
    }

    @Test
    void otherPasswordIsNotVerified() {
        LoginCache cache = new LoginCache();
        cache.remember("ann", "secret-1".toCharArray(), STORED_HASH);

        assertFalse(cache.verified("ann", "secret-2".toCharArray(), STORED_HASH));
    }

    @Test
    void changedStoredHashIsNotVerified() {
        // Another server sharing the database set a new password, so the stored hash differs.
        LoginCache cache = new LoginCache();
        cache.remember("ann", "secret-1".toCharArray(), STORED_HASH);

        assertFalse(cache.verified("ann", "secret-1".toCharArray(), STORED_HASH + "-changed"));
    }

    @Test
    void forgottenUserIsNotVerified() {
        LoginCache cache = new LoginCache();
        cache.remember("ann", "secret-1".toCharArray(), STORED_HASH);
        cache.forget("ann");

        assertFalse(cache.verified("ann", "secret-1".toCharArray(), STORED_HASH));
    }
}
