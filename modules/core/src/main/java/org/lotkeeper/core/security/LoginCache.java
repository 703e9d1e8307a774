package org.lotkeeper.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers recently verified logins for a short time, so that an API client sending HTTP Basic
 * credentials with every request does not pay for a PBKDF2 hash each time. Only a salted SHA-256
 * digest of the password is kept, with a salt drawn when the application starts.
 *
 * <p>Each entry also records the user's stored password hash at the time of verification, and a
 * caller must pass the stored hash it reads now. A password set on another server sharing the
 * database therefore takes effect on the next request here, not after {@link #TTL}. The caller
 * checks whether the user is enabled and takes the role from the database row it read.
 */
@ApplicationScoped
public class LoginCache {

    /** How long a verified login is trusted without hashing again. */
    static final Duration TTL = Duration.ofMinutes(2);

    /** Most users kept; the cache is cleared when it grows beyond this. */
    static final int MAX_ENTRIES = 10_000;

    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] digest, String storedHash, Instant expires) {
    }

    public LoginCache() {
        new SecureRandom().nextBytes(salt);
    }

    /**
     * Returns true when the same password was verified against the same stored hash within the
     * last {@link #TTL}.
     */
    public boolean verified(String userName, char[] password, String storedHash) {
        Entry entry = entries.get(userName);
        if (entry == null || Instant.now().isAfter(entry.expires()) || !entry.storedHash().equals(storedHash)) {
            return false;
        }
        return MessageDigest.isEqual(entry.digest(), digest(password));
    }

    public void remember(String userName, char[] password, String storedHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(userName, new Entry(digest(password), storedHash, Instant.now().plus(TTL)));
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
