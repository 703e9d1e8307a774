package org.lotkeeper.core.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.core.adjustments.DocumentPosted;

/**
 * Sends webhook deliveries. A committed posting or reversal becomes one pending delivery per
 * enabled webhook, and each attempt runs on the managed scheduled executor, because EJB timers
 * do not run on Payara Micro without Hazelcast. The server that stores a delivery tries it at
 * once and schedules its retries in memory. Every server also sweeps the database for due
 * deliveries that no live server has claimed (every 30 s by default, setting
 * {@value WebhookSettings#SWEEP_INTERVAL_PROPERTY}), so deliveries go on after a restart and
 * when the server that held them died.
 *
 * <p>Before each attempt a server claims it in the database (see {@link DeliveryClaims}), so
 * servers that share one database do not send the same attempt twice. Delivery is still at least
 * once: when a server dies after the receiver answered but before the outcome was stored, another
 * server sends the attempt again once the claim has expired. A receiver should therefore ignore
 * {@code Lotkeeper-Event-Id} values it has already processed.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** Header that carries the event id, the same on every attempt. */
    public static final String EVENT_ID_HEADER = "Lotkeeper-Event-Id";

    /** Maximum deliveries one sweep schedules; the next sweep takes the rest. */
    static final int SWEEP_LIMIT = 500;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    DeliveryStore store;

    @Inject
    @ConfigProperty(name = WebhookSettings.TIMEOUT_PROPERTY, defaultValue = "PT10S")
    String timeout;

    @Inject
    @ConfigProperty(name = WebhookSettings.SWEEP_INTERVAL_PROPERTY, defaultValue = "PT30S")
    String sweepInterval;

    private WebhookSettings settings;
    private DeliveryClaims claims;
    private HttpClient http;
    private ScheduledFuture<?> sweeps;
    private final AtomicBoolean firstSweep = new AtomicBoolean(true);

    @PostConstruct
    void start() {
        try {
            settings = WebhookSettings.parse(timeout, sweepInterval);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        claims = new DeliveryClaims(InstanceId.create(), settings.lease());
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        LOG.info(() -> "Webhook deliveries: instance id " + claims.owner() + ", timeout " + settings.timeout().toSeconds()
                + " s, claims last " + settings.lease().toSeconds() + " s, sweep every "
                + settings.sweepInterval().toSeconds() + " s");
    }

    /**
     * Starts the periodic sweep. The first sweep runs at once, which resumes the deliveries that
     * were pending when the servers stopped. The application calls it at start-up, after the
     * schema migrations.
     */
    public synchronized void startSweeping() {
        if (sweeps == null) {
            sweeps = executor.scheduleWithFixedDelay(this::sweep, 0, settings.sweepInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
            sweeps = null;
        }
        if (http != null) {
            http.shutdownNow();
        }
    }

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

    /**
     * Schedules an attempt of every due pending delivery that no live server has claimed. Runs on
     * the executor; a failure is logged, and the next sweep tries again.
     */
    void sweep() {
        boolean first = firstSweep.getAndSet(false);
        try {
            List<Long> due = store.due(claims, SWEEP_LIMIT);
            due.forEach(id -> schedule(id, Duration.ZERO));
            if (!due.isEmpty()) {
                Level level = first ? Level.INFO : Level.FINE;
                LOG.log(level, () -> "Scheduled " + due.size() + " due webhook deliveries that no server had claimed"
                        + (first ? ", at start-up" : "") + ": " + due);
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again, so nothing may escape.
            LOG.log(Level.WARNING, "Webhook sweep failed; the next sweep in " + settings.sweepInterval().toSeconds()
                    + " s tries again", e);
        }
    }

    private void schedule(long deliveryId, Duration wait) {
        executor.schedule(() -> attempt(deliveryId), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Claims, sends and records one attempt. Runtime exceptions are logged here because the
     * executor would drop them.
     */
    void attempt(long deliveryId) {
        try {
            Optional<DeliveryClaims.Attempt> claimed = store.claim(claims, deliveryId);
            if (claimed.isEmpty()) {
                return;
            }
            DeliveryClaims.Attempt attempt = claimed.get();
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

            DeliveryClaims.Outcome outcome = store.recordOutcome(claims, attempt, statusCode, error);
            if (error != null) {
                logFailure(attempt, error, outcome);
            }
            if (outcome instanceof DeliveryClaims.Outcome.Retry retry) {
                schedule(deliveryId, retry.delay());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Webhook delivery " + deliveryId + " failed with an internal error; a sweep tries it"
                    + " again once it is due and its claim, if any, has expired", e);
        }
    }

    private HttpRequest request(DeliveryClaims.Attempt attempt) {
        return HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, attempt.eventId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(attempt.secret(), attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8))
                .build();
    }

    private static void logFailure(DeliveryClaims.Attempt attempt, String error, DeliveryClaims.Outcome outcome) {
        String next = switch (outcome) {
            case DeliveryClaims.Outcome.Retry retry -> "retrying in " + retry.delay().toSeconds() + " s";
            case DeliveryClaims.Outcome.Failed failed -> "giving up, the delivery is FAILED";
            case DeliveryClaims.Outcome.ClaimLost lost -> "another server has taken the delivery over";
            case DeliveryClaims.Outcome.Delivered delivered -> "delivered";
        };
        int number = attempt.attemptsBefore() + 1;
        LOG.warning(() -> "Webhook delivery failed: delivery=" + attempt.deliveryId() + " webhook=" + attempt.webhookId()
                + " event=" + attempt.eventId() + " attempt " + number + " of " + RetryPolicy.MAX_ATTEMPTS + ": " + error
                + "; " + next);
    }
}
