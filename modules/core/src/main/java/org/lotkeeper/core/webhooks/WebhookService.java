package org.lotkeeper.core.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessCalendar;
import org.lotkeeper.core.support.BusinessException;

/** Registers, lists and deletes webhooks and lists their deliveries; admin only. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    /** Maximum length of a webhook URL, in characters. */
    public static final int MAX_URL = 1000;

    /** Random bytes in a generated secret; the secret is their hex form. */
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /**
     * Registers an http or https URL and generates its signing secret, which the returned
     * registration carries and no later call returns.
     */
    @Transactional
    public Registration register(String url) {
        caller.require(Role.ADMIN, "webhook.create", url);
        String checked = checkUrl(url);
        String secret = HexFormat.of().formatHex(randomBytes());
        Webhook webhook = new Webhook(checked, secret, caller.name(), calendar.now());
        em.persist(webhook);
        audit.record(caller.name(), "webhook.create", String.valueOf(webhook.getId()), AuditLog.SUCCESS,
                "url " + checked);
        LOG.info(() -> "Webhook registered: id=" + webhook.getId() + " url='" + checked + "' by='" + caller.name() + "'");
        return new Registration(webhook, secret);
    }

    /** Returns every webhook, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> list() {
        caller.require(Role.ADMIN, "webhook.list", null);
        return em.createQuery("SELECT w FROM Webhook w ORDER BY w.id", Webhook.class).getResultList();
    }

    /** Deletes a webhook with its delivery history; attempts already scheduled for it are dropped. */
    @Transactional
    public void delete(long id) {
        caller.require(Role.ADMIN, "webhook.delete", String.valueOf(id));
        Webhook webhook = find(id);
        int deliveries = em.createQuery("DELETE FROM WebhookDelivery d WHERE d.webhookId = :id")
                .setParameter("id", id).executeUpdate();
        em.remove(webhook);
        audit.record(caller.name(), "webhook.delete", String.valueOf(id), AuditLog.SUCCESS,
                "url " + webhook.getUrl() + ", " + deliveries + " deliveries deleted");
        LOG.info(() -> "Webhook deleted: id=" + id + " by='" + caller.name() + "'");
    }

    /**
     * Disables or enables a webhook. A disabled webhook gets no deliveries of later events, and
     * its pending deliveries fail at their next attempt; enabling it again resumes deliveries
     * from the next event on, without resending what it missed.
     */
    @Transactional
    public Webhook setEnabled(long id, boolean enabled) {
        String action = enabled ? "webhook.enable" : "webhook.disable";
        caller.require(Role.ADMIN, action, String.valueOf(id));
        Webhook webhook = find(id);
        boolean changed = webhook.isEnabled() != enabled;
        webhook.setEnabled(enabled);
        audit.record(caller.name(), action, String.valueOf(id), AuditLog.SUCCESS,
                "url " + webhook.getUrl() + (changed ? "" : ", already " + (enabled ? "enabled" : "disabled")));
        LOG.info(() -> "Webhook " + (enabled ? "enabled" : "disabled") + ": id=" + id + " by='" + caller.name() + "'");
        return webhook;
    }

    /** Returns a webhook's latest deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> deliveries(long id, int limit) {
        caller.require(Role.ADMIN, "webhook.deliveries", String.valueOf(id));
        find(id);
        return em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.webhookId = :id ORDER BY d.id DESC",
                        WebhookDelivery.class)
                .setParameter("id", id)
                .setMaxResults(limit)
                .getResultList();
    }

    private Webhook find(long id) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            throw BusinessException.notFound("id", id, "Webhook");
        }
        return webhook;
    }

    /** Returns the URL stripped of surrounding blanks when it is an absolute http or https URL with a host. */
    static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw BusinessException.invalid("url", url, "Required; give an http or https URL.");
        }
        String text = url.strip();
        if (text.length() > MAX_URL) {
            throw BusinessException.invalid("url", text.substring(0, 40) + "...",
                    "Too long: " + text.length() + " characters, at most " + MAX_URL + " allowed.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw BusinessException.invalid("url", text, "Not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw BusinessException.invalid("url", text,
                    "Unsupported URL scheme '" + scheme + "'; a webhook URL must start with http:// or https://.");
        }
        if (uri.getHost() == null) {
            throw BusinessException.invalid("url", text, "The URL has no host name; give one such as https://example.org/hook.");
        }
        if (uri.getRawUserInfo() != null) {
            // The URL is listed to every admin and written to the audit trail, so it must not carry a password.
            throw BusinessException.invalid("url", uri.getHost(),
                    "The URL contains a user name or password; remove them and check the signature header instead.");
        }
        return text;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
