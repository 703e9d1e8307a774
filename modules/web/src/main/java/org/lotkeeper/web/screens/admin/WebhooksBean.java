package org.lotkeeper.web.screens.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.webhooks.Webhook;
import org.lotkeeper.core.webhooks.WebhookService;
import org.lotkeeper.web.screens.ProblemMessages;

/**
 * The events and webhooks page: every registered webhook with buttons that disable or enable it.
 * Registering and deleting stay in the API, which shows the secret once. The list is read on
 * first use, so a non-admin who opens the page triggers no service call.
 */
@Named("adminWebhooks")
@ViewScoped
public class WebhooksBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WebhookService webhooks;

    private List<WebhookRow> rows;

    /** Returns the webhooks, oldest first, read once per view and again after each change. */
    public List<WebhookRow> getRows() {
        if (rows == null) {
            rows = webhooks.list().stream().map(WebhookRow::of).toList();
        }
        return rows;
    }

    /** Sends later events to the webhook again. */
    public void enable(long id) {
        setEnabled(id, true);
    }

    /** Stops sending events to the webhook until it is enabled again. */
    public void disable(long id) {
        setEnabled(id, false);
    }

    private void setEnabled(long id, boolean enabled) {
        try {
            webhooks.setEnabled(id, enabled);
            ProblemMessages.info((enabled ? "Enabled" : "Disabled") + " webhook " + id + ".");
        } catch (BusinessException e) {
            ProblemMessages.show(e, field -> null);
        }
        rows = null;
    }

    /** One webhook as the page lists it. */
    public record WebhookRow(long id, String url, boolean enabled, String createdBy, java.time.Instant createdAt)
            implements Serializable {

        static WebhookRow of(Webhook webhook) {
            return new WebhookRow(webhook.getId(), webhook.getUrl(), webhook.isEnabled(), webhook.getCreatedBy(),
                    webhook.getCreatedAt());
        }

        public String status() {
            return enabled ? "enabled" : "disabled";
        }
    }
}
