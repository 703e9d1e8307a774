package org.lotkeeper.core.webhooks;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.adjustments.DocumentPosted;
import org.lotkeeper.core.support.BusinessCalendar;

/**
 * The database side of webhook deliveries. Every method runs in a transaction of its own,
 * because the dispatcher calls them after the posting has committed and from executor threads.
 */
@ApplicationScoped
public class DeliveryStore {

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    /** Data of one attempt: the target URL, the payload and the secret that signs it. */
    record Attempt(long deliveryId, long webhookId, String eventId, String url, String secret, String payload,
                   int attemptsBefore) {

        @Override
        public String toString() {
            return "delivery " + deliveryId + " of event " + eventId + " to webhook " + webhookId;
        }
    }

    /** Stores one pending delivery of {@code event} per enabled webhook and returns their ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> recordEvent(DocumentPosted event) {
        List<Webhook> webhooks = em.createQuery("SELECT w FROM Webhook w WHERE w.enabled = TRUE ORDER BY w.id",
                Webhook.class).getResultList();
        List<Long> ids = new ArrayList<>();
        if (webhooks.isEmpty()) {
            return ids;
        }
        String eventId = UUID.randomUUID().toString();
        String payload = payload(eventId, event);
        Instant now = calendar.now();
        for (Webhook webhook : webhooks) {
            WebhookDelivery delivery = new WebhookDelivery(webhook.getId(), eventId, event.documentId(), payload, now);
            em.persist(delivery);
            ids.add(delivery.getId());
        }
        return ids;
    }

    /**
     * Returns the next attempt of a pending delivery, or empty when the delivery is gone, no
     * longer pending, or its webhook was disabled (which fails the delivery).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Attempt> prepare(long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.getStatus() != DeliveryStatus.PENDING) {
            return Optional.empty();
        }
        Webhook webhook = em.find(Webhook.class, delivery.getWebhookId());
        if (webhook == null) {
            return Optional.empty();
        }
        if (!webhook.isEnabled()) {
            delivery.attemptFailed(null, "the webhook was disabled before this attempt", null);
            return Optional.empty();
        }
        return Optional.of(new Attempt(deliveryId, webhook.getId(), delivery.getEventId(), webhook.getUrl(),
                webhook.getSecret(), delivery.getPayload(), delivery.getAttempts()));
    }

    /**
     * Records an attempt's outcome: {@code statusCode} is {@code null} when no response came.
     *
     * @return the wait before the next attempt, or empty when the delivery succeeded, failed for
     *         good or no longer exists
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> recordOutcome(long deliveryId, Integer statusCode, String error) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return Optional.empty();
        }
        Instant now = calendar.now();
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            delivery.delivered(statusCode, now);
            return Optional.empty();
        }
        Optional<Duration> delay = RetryPolicy.delayAfter(delivery.getAttempts() + 1);
        delivery.attemptFailed(statusCode, error, delay.map(now::plus).orElse(null));
        return delay;
    }

    /** Returns the ids and due times of all pending deliveries, for the start-up scan. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Object[]> pending() {
        return em.createQuery("SELECT d.id, d.nextAttemptAt FROM WebhookDelivery d WHERE d.status = :status"
                        + " ORDER BY d.id", Object[].class)
                .setParameter("status", DeliveryStatus.PENDING)
                .getResultList();
    }

    /** Builds the JSON body sent for a posted or reversed document. */
    static String payload(String eventId, DocumentPosted event) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("eventId", eventId)
                .add("type", event.reversesId() == null ? "document.posted" : "document.reversed")
                .add("documentId", event.documentId())
                .add("adjustmentType", event.typeId());
        if (event.reversesId() == null) {
            json.addNull("reverses");
        } else {
            json.add("reverses", event.reversesId());
        }
        json.add("postedBy", event.postedBy())
                .add("effectiveAt", event.effectiveAt().toString());
        if (event.valueEffect() == null) {
            json.addNull("valueEffect");
        } else {
            json.add("valueEffect", event.valueEffect());
        }
        return json.build().toString();
    }
}
