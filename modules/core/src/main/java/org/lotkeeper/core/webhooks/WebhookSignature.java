package org.lotkeeper.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Lotkeeper-Signature} header: {@code sha256=} followed by the lower-case hex
 * HMAC-SHA256 of the exact request body bytes (UTF-8), keyed with the webhook's secret as UTF-8.
 */
public final class WebhookSignature {

    /** Name of the request header that carries the signature. */
    public static final String HEADER = "Lotkeeper-Signature";

    private WebhookSignature() {
    }

    /** Computes the header value for {@code body}. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime must provide HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }
}
