package org.lotkeeper.core.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.lotkeeper.core.adjustments.DocumentPosted;
import org.lotkeeper.core.support.BusinessCalendar;

/**
 * Sends webhook deliveries. A committed posting or reversal becomes one pending delivery per
 * enabled webhook, and each attempt runs on the managed scheduled executor, because EJB timers
 * do not run on Payara Micro without Hazelcast.
 * <p>
 * NOTE: attempts are scheduled in memory, and several instances sharing one database each
 * resume all pending deliveries at start-up, so a receiver may get an event more than once. It
 * should ignore repeated {@code Lotkeeper-Event-Id} values.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** Header that carries the event id, the same on every attempt. */
    public static final String EVENT_ID_HEADER = "Lotkeeper-Event-Id";

    /** How long an attempt may take to connect and, separately, to get a response. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    DeliveryStore store;

    @Inject
    BusinessCalendar calendar;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Stores and schedules the deliveries of a committed posting or reversal. */
    void onPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentPosted event) {
        List<Long> deliveries;
        try {
            deliveries = store.recordEvent(event);
        } catch (RuntimeException e) {
            // The posting has committed, so a failure here must not turn it into an error response.
            LOG.log(Level.SEVERE, "Failed to store webhook deliveries of document " + event.documentId(), e);
            return;
        }
        deliveries.forEach(id -> schedule(id, Duration.ZERO));
    }

    /** Schedules every pending delivery again. The application calls it at start-up, so deliveries survive a restart. */
    public void resumePending() {
        List<Object[]> pending;
        try {
            pending = store.pending();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Failed to read pending webhook deliveries; they stay pending until the next start", e);
            return;
        }
        Instant now = calendar.now();
        for (Object[] row : pending) {
            Instant due = (Instant) row[1];
            Duration wait = due == null || due.isBefore(now) ? Duration.ZERO : Duration.between(now, due);
            schedule((Long) row[0], wait);
        }
        if (!pending.isEmpty()) {
            LOG.info(() -> "Resumed " + pending.size() + " pending webhook deliveries");
        }
    }

    private void schedule(long deliveryId, Duration wait) {
        executor.schedule(() -> attempt(deliveryId), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends one attempt and records its outcome. Runtime exceptions are logged here because the executor would drop them. */
    void attempt(long deliveryId) {
        try {
            Optional<DeliveryStore.Attempt> next = store.prepare(deliveryId);
            if (next.isEmpty()) {
                return;
            }
            DeliveryStore.Attempt attempt = next.get();
            Integer statusCode = null;
            String error = null;
            try {
                HttpResponse<Void> response = http.send(request(attempt), HttpResponse.BodyHandlers.discarding());
                statusCode = response.statusCode();
                if (statusCode < 200 || statusCode >= 300) {
                    error = "the receiver responded with HTTP status " + statusCode;
                }
            } catch (IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted while sending, probably because the server is shutting down";
            }

            Optional<Duration> retry = store.recordOutcome(deliveryId, statusCode, error);
            if (error != null) {
                logFailure(attempt, error, retry);
            }
            retry.ifPresent(wait -> schedule(deliveryId, wait));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Webhook delivery " + deliveryId + " failed with an internal error and stays"
                    + " pending until the next start", e);
        }
    }

    private static HttpRequest request(DeliveryStore.Attempt attempt) {
        return HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, attempt.eventId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(attempt.secret(), attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8))
                .build();
    }

    private static void logFailure(DeliveryStore.Attempt attempt, String error, Optional<Duration> retry) {
        int number = attempt.attemptsBefore() + 1;
        String next = retry.map(wait -> "retrying in " + wait.toSeconds() + " s")
                .orElse("giving up, the delivery is FAILED");
        LOG.warning(() -> "Webhook delivery failed: webhook=" + attempt.webhookId() + " event=" + attempt.eventId()
                + " attempt " + number + " of " + RetryPolicy.MAX_ATTEMPTS + ": " + error + "; " + next);
    }
}
