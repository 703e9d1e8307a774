package org.lotkeeper.core.webhooks;

/**
 * A newly registered webhook with its signing secret, which is returned this once only.
 *
 * @param webhook the stored webhook
 * @param secret  the key of the HMAC-SHA256 signature on every delivery
 */
public record Registration(Webhook webhook, String secret) {

    @Override
    public String toString() {
        return "registration of " + webhook + " (secret hidden)";
    }
}
