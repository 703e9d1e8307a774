package org.lotkeeper.core.webhooks;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
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
 * Claims and outcomes are plain JDBC on the application's data source, which the container
 * enlists in that transaction.
 */
@ApplicationScoped
public class DeliveryStore {

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/lotkeeper")
    DataSource dataSource;

    @Inject
    BusinessCalendar calendar;

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

    /** Claims the next attempt of a delivery for this server; see {@link DeliveryClaims#claim}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<DeliveryClaims.Attempt> claim(DeliveryClaims claims, long deliveryId) {
        try (Connection connection = dataSource.getConnection()) {
            return claims.claim(connection, deliveryId, calendar.now());
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming webhook delivery " + deliveryId + " failed: " + e.getMessage(), e);
        }
    }

    /** Records the outcome of a claimed attempt; see {@link DeliveryClaims#recordOutcome}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryClaims.Outcome recordOutcome(DeliveryClaims claims, DeliveryClaims.Attempt attempt, Integer statusCode,
                                                String error) {
        try (Connection connection = dataSource.getConnection()) {
            return claims.recordOutcome(connection, attempt, statusCode, error, calendar.now());
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the outcome of webhook " + attempt + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the ids of due pending deliveries without a live claim, at most {@code limit}, for the sweep. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(DeliveryClaims claims, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return claims.due(connection, calendar.now(), limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading due webhook deliveries failed: " + e.getMessage(), e);
        }
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
