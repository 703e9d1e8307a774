package org.lotkeeper.core.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calendar dates in the business time zone (property {@code lotkeeper.business.zone}, the
 * server's zone by default). Expiry dates and effective dates are read in this zone, whatever
 * zone the server or the database runs in.
 */
@ApplicationScoped
public class BusinessCalendar {

    private static final Logger LOG = Logger.getLogger(BusinessCalendar.class.getName());

    /** Time of day at which a document dated in the past takes effect: the end of that day. */
    static final LocalTime BACKDATED_TIME = LocalTime.of(23, 59, 59);

    private ZoneId zone;
    private Clock clock;

    protected BusinessCalendar() {
    }

    @Inject
    public BusinessCalendar(@ConfigProperty(name = "lotkeeper.business.zone") Optional<String> zoneId) {
        this.zone = zoneId.filter(id -> !id.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
        this.clock = Clock.system(zone);
        LOG.info(() -> "Business time zone is " + zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Returns today's date in the business time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Returns the business date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * Returns the instant a document dated {@code date} takes effect: now for today, the last
     * second of the day for a past date, so that it sorts after everything else of that day.
     */
    public Instant effectiveInstant(LocalDate date) {
        if (!date.isBefore(today())) {
            return now();
        }
        return ZonedDateTime.of(date, BACKDATED_TIME, zone).toInstant();
    }
}
