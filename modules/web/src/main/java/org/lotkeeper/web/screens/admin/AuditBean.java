package org.lotkeeper.web.screens.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.audit.AuditEvent;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;

/**
 * The audit page: the latest events, newest first, optionally of one user and one action, and a
 * link to the CSV export of the same selection.
 */
@Named("adminAudit")
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Maximum number of events the page lists. */
    static final int EVENTS_SHOWN = 200;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    private String user;
    private String action;
    private List<AuditEvent> events;

    /**
     * Returns the selected events. {@link AuditLog} itself checks no role, so this method checks
     * the admin role as the REST audit endpoints do.
     */
    public List<AuditEvent> getEvents() {
        if (events == null) {
            caller.require(Role.ADMIN, "audit.read", null);
            events = audit.latest(blankToNull(user), blankToNull(action), EVENTS_SHOWN);
        }
        return events;
    }

    /** Returns every recorded action name, for the action filter. */
    public List<String> getActions() {
        caller.require(Role.ADMIN, "audit.read", null);
        return audit.actions();
    }

    /** Reads the events again with the current filters. */
    public void search() {
        events = null;
    }

    /** Returns the export address relative to the context root, with the page's filters. */
    public String getCsvPath() {
        StringBuilder path = new StringBuilder("/api/v1/audit.csv");
        char separator = '?';
        if (blankToNull(user) != null) {
            path.append(separator).append("user=").append(URLEncoder.encode(user.strip(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (blankToNull(action) != null) {
            path.append(separator).append("action=").append(URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    public int getEventsShown() {
        return EVENTS_SHOWN;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
