package org.lotkeeper.core.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Claims on webhook delivery attempts, so that servers sharing one database never send the same
 * attempt twice. A server claims an attempt with one conditional UPDATE, which changes the row
 * only while the delivery is pending, due, unchanged since it was read and without a live claim,
 * and it sends only when that UPDATE changed the row. Recording the outcome clears the claim and
 * is accepted only from the claim's holder. A claim that outlives its lease (the holder died or
 * hung) may be taken over.
 *
 * <p>Every method runs on the caller's connection in the caller's transaction, which must be
 * READ COMMITTED or stricter and must end right after the call: the UPDATE's row lock makes a
 * competing claim of the same row wait until that commit and then find the claim live. Claims lock
 * single rows of {@code webhook_delivery} by primary key and read {@code webhook}. Postings lock
 * neither table, so claims and postings do not wait for each other.
 * Times are those of the calling server's clock, so the servers' clocks must agree to well within
 * {@link WebhookSettings#LEASE_MARGIN}.
 */
final class DeliveryClaims {

    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class.getName());

    /** Maximum length of the error text stored per attempt; longer messages are cut. */
    static final int MAX_ERROR = WebhookDelivery.MAX_ERROR;

    static final String DISABLED_ERROR = "the webhook was disabled before this attempt";

    private static final String READ = "SELECT d.status, d.next_attempt_at, d.claimed_by, d.claimed_until, d.attempts,"
            + " d.webhook_id, d.event_id, d.payload, w.url, w.secret, w.enabled"
            + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.id = ?";

    private static final String CLAIM = "UPDATE webhook_delivery SET claimed_by = ?, claimed_until = ?"
            + " WHERE id = ? AND status = ? AND attempts = ? AND next_attempt_at <= ?"
            + " AND (claimed_until IS NULL OR claimed_until < ?)";

    private static final String RECORD = "UPDATE webhook_delivery SET attempts = attempts + 1, status = ?,"
            + " last_status_code = ?, last_error = ?, next_attempt_at = ?, delivered_at = ?,"
            + " claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ? AND attempts = ?";

    private static final String DUE = "SELECT id FROM webhook_delivery WHERE status = ? AND next_attempt_at <= ?"
            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id";

    private final String owner;
    private final Duration lease;

    /**
     * @param owner the id that this server writes into {@code claimed_by}, unique per server start
     * @param lease how long a claim lasts
     */
    DeliveryClaims(String owner, Duration lease) {
        this.owner = owner;
        this.lease = lease;
    }

    String owner() {
        return owner;
    }

    /**
     * An attempt that this server has claimed, with what it sends.
     *
     * @param attemptsBefore the attempts recorded before this one
     * @param takenOverFrom  the server whose expired claim this one replaced, or {@code null}
     */
    record Attempt(long deliveryId, long webhookId, String eventId, String url, String secret, String payload,
                   int attemptsBefore, String takenOverFrom) {

        @Override
        public String toString() {
            return "delivery " + deliveryId + " of event " + eventId + " to webhook " + webhookId;
        }
    }

    /** The result of recording an attempt's outcome. */
    sealed interface Outcome {

        /** The receiver accepted the delivery. */
        record Delivered() implements Outcome {
        }

        /** The attempt failed, and the next one is due after {@code delay}. */
        record Retry(Duration delay) implements Outcome {
        }

        /** The attempt failed, and it was the last one. */
        record Failed() implements Outcome {
        }

        /** The claim was no longer this server's, so the outcome was not stored. */
        record ClaimLost() implements Outcome {
        }
    }

    /**
     * Claims the next attempt of a delivery and returns it, or empty when the delivery is gone,
     * no longer pending, not due, claimed by a live server, or its webhook is disabled. A claimed
     * delivery of a disabled webhook is failed at once, without an attempt.
     */
    Optional<Attempt> claim(Connection connection, long deliveryId, Instant now) throws SQLException {
        Optional<Attempt> next;
        Instant claimedUntil;
        boolean enabled;
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, deliveryId);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    LOG.fine(() -> "Webhook delivery " + deliveryId + " is gone; nothing to send");
                    return Optional.empty();
                }
                DeliveryStatus status = DeliveryStatus.valueOf(row.getString("status"));
                Instant due = instant(row.getTimestamp("next_attempt_at"));
                String holder = row.getString("claimed_by");
                claimedUntil = instant(row.getTimestamp("claimed_until"));
                if (status != DeliveryStatus.PENDING || due == null || due.isAfter(now)) {
                    LOG.fine(() -> "Webhook delivery " + deliveryId + " is " + status + (due == null ? "" : ", due " + due)
                            + "; nothing to send now");
                    return Optional.empty();
                }
                if (claimedUntil != null && !claimedUntil.isBefore(now)) {
                    LOG.fine(() -> "Webhook delivery " + deliveryId + " is claimed by " + holder + " until " + claimedUntil
                            + "; leaving it to that server");
                    return Optional.empty();
                }
                next = Optional.of(new Attempt(deliveryId, row.getLong("webhook_id"), row.getString("event_id"),
                        row.getString("url"), row.getString("secret"), row.getString("payload"), row.getInt("attempts"),
                        claimedUntil == null ? null : holder));
                enabled = row.getBoolean("enabled");
            }
        }

        Attempt attempt = next.get();
        if (!takeClaim(connection, attempt, now)) {
            LOG.fine(() -> "Lost the claim on webhook " + attempt + " to another server");
            return Optional.empty();
        }
        if (attempt.takenOverFrom() != null) {
            LOG.info(() -> "Took over the expired claim of " + attempt.takenOverFrom() + " (until " + claimedUntil
                    + ") on webhook delivery " + deliveryId + " of event " + attempt.eventId() + " to webhook "
                    + attempt.webhookId() + "; the receiver may get this attempt twice");
        }
        if (!enabled) {
            record(connection, attempt, DeliveryStatus.FAILED, null, DISABLED_ERROR, null, null);
            LOG.info(() -> "Webhook " + attempt + " failed without an attempt: " + DISABLED_ERROR);
            return Optional.empty();
        }
        return next;
    }

    private boolean takeClaim(Connection connection, Attempt attempt, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, owner);
            claim.setTimestamp(2, Timestamp.from(now.plus(lease)));
            claim.setLong(3, attempt.deliveryId());
            claim.setString(4, DeliveryStatus.PENDING.name());
            claim.setInt(5, attempt.attemptsBefore());
            claim.setTimestamp(6, Timestamp.from(now));
            claim.setTimestamp(7, Timestamp.from(now));
            return claim.executeUpdate() == 1;
        }
    }

    /**
     * Records an attempt's outcome and clears the claim, unless the claim is no longer this
     * server's: then another server has taken the delivery over and records its own outcome.
     *
     * @param statusCode the receiver's HTTP status, or {@code null} when no response came
     * @param error      why the attempt failed, or {@code null} after a 2xx response
     */
    Outcome recordOutcome(Connection connection, Attempt attempt, Integer statusCode, String error, Instant now)
            throws SQLException {
        boolean recorded;
        Outcome outcome;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            recorded = record(connection, attempt, DeliveryStatus.DELIVERED, statusCode, null, null, now);
            outcome = new Outcome.Delivered();
        } else {
            Optional<Duration> delay = RetryPolicy.delayAfter(attempt.attemptsBefore() + 1);
            recorded = record(connection, attempt, delay.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                    statusCode, error, delay.map(now::plus).orElse(null), null);
            outcome = delay.<Outcome>map(Outcome.Retry::new).orElseGet(Outcome.Failed::new);
        }
        if (!recorded) {
            Optional<String> holder = currentHolder(connection, attempt.deliveryId());
            if (holder.isEmpty()) {
                LOG.fine(() -> "Webhook " + attempt + " was deleted during the attempt; its outcome is dropped");
            } else {
                LOG.warning(() -> "The claim on webhook " + attempt + " expired before its outcome was stored, and "
                        + holder.get() + " has the delivery now; the outcome of this attempt ("
                        + (error == null ? "HTTP " + statusCode : error) + ") is dropped. An attempt took longer than"
                        + " the lease of " + lease.toSeconds() + " s, or the servers' clocks disagree.");
            }
            return new Outcome.ClaimLost();
        }
        return outcome;
    }

    private boolean record(Connection connection, Attempt attempt, DeliveryStatus status, Integer statusCode,
                           String error, Instant nextAttemptAt, Instant deliveredAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RECORD)) {
            update.setString(1, status.name());
            if (statusCode == null) {
                update.setNull(2, Types.INTEGER);
            } else {
                update.setInt(2, statusCode);
            }
            if (error == null) {
                update.setNull(3, Types.VARCHAR);
            } else {
                update.setString(3, cut(error));
            }
            setTimestampOrNull(update, 4, nextAttemptAt);
            setTimestampOrNull(update, 5, deliveredAt);
            update.setLong(6, attempt.deliveryId());
            update.setString(7, owner);
            update.setInt(8, attempt.attemptsBefore());
            return update.executeUpdate() == 1;
        }
    }

    /** Describes who has the delivery now, or returns empty when the delivery is gone. */
    private static Optional<String> currentHolder(Connection connection, long deliveryId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT claimed_by, status FROM webhook_delivery WHERE id = ?")) {
            read.setLong(1, deliveryId);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String holder = row.getString(1);
                return Optional.of(holder == null ? "no server (status " + row.getString(2) + ")" : "server " + holder);
            }
        }
    }

    /**
     * Returns the ids of at most {@code limit} pending deliveries that are due and have no live
     * claim, the longest due first.
     */
    List<Long> due(Connection connection, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(DUE)) {
            query.setMaxRows(limit);
            query.setString(1, DeliveryStatus.PENDING.name());
            query.setTimestamp(2, Timestamp.from(now));
            query.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    static String cut(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 3) + "...";
    }

    private static void setTimestampOrNull(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
