package org.lotkeeper.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers recently verified logins for a short time, so that an API client sending HTTP Basic
 * credentials with every request does not pay for a PBKDF2 hash each time. Only a salted SHA-256
 * digest of the password is kept, with a salt drawn when the application starts, and a user's
 * entry is dropped whenever the user changes.
 */
@ApplicationScoped
public class LoginCache {

    /** How long a verified login is trusted without hashing again. */
    static final Duration TTL = Duration.ofMinutes(2);

    /** Most users kept; the cache is cleared when it grows beyond this. */
    static final int MAX_ENTRIES = 10_000;

    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] digest, Role role, Instant expires) {
    }

    public LoginCache() {
        new SecureRandom().nextBytes(salt);
    }

    /** Returns the user's role when the same password was verified within the last {@link #TTL}. */
    public Optional<Role> verified(String userName, char[] password) {
        Entry entry = entries.get(userName);
        if (entry == null || Instant.now().isAfter(entry.expires())) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.digest(), digest(password)) ? Optional.of(entry.role()) : Optional.empty();
    }

    public void remember(String userName, char[] password, Role role) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(userName, new Entry(digest(password), role, Instant.now().plus(TTL)));
    }

    public void forget(String userName) {
        entries.remove(userName);
    }

    private byte[] digest(char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
