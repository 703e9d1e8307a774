package org.lotkeeper.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Parses the {@code Authorization: Basic} header defined by RFC 7617. */
final class BasicCredentials {

    private static final String SCHEME = "Basic ";

    private BasicCredentials() {
    }

    /** Returns whether the header uses the Basic scheme, whatever its content. */
    static boolean isBasic(String header) {
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Returns the user name and password from a Basic header, or empty when the header is not
     * valid Base64 or has no colon between name and password.
     */
    static Optional<UsernamePasswordCredential> parse(String header) {
        String encoded = header.substring(SCHEME.length()).strip();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
