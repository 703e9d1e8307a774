package org.lotkeeper.core.security;

import java.security.Principal;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/**
 * The user on whose behalf a service runs, and the role check every service method starts with.
 * A refused call is audited before the refusal is thrown.
 */
@ApplicationScoped
public class Caller {

    private static final Logger LOG = Logger.getLogger(Caller.class.getName());

    /** Name recorded for work the application does on its own, such as the first admin's creation. */
    public static final String SYSTEM = "system";

    @Inject
    SecurityContext securityContext;

    @Inject
    AuditLog audit;

    @Inject
    HttpServletRequest request;

    @Inject
    BeanManager beanManager;

    /** Returns the signed-in user's name, or {@code anonymous}. */
    public String name() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    /** Returns whether the caller has {@code role} or a role that includes it. */
    public boolean has(Role role) {
        boolean inRequest = servletRequestActive();
        for (Role granted : Role.values()) {
            if (!granted.includes(role)) {
                continue;
            }
            // On Payara 7, SecurityContext.isCallerInRole first looks up an EJB context in JNDI,
            // and outside an EJB that lookup throws and catches three exceptions per call. The
            // servlet request answers the same question from the same login without them.
            boolean inRole = inRequest
                    ? request.isUserInRole(granted.roleName())
                    : securityContext.isCallerInRole(granted.roleName());
            if (inRole) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether this thread serves a servlet request, which executor tasks and start-up work do not. */
    private boolean servletRequestActive() {
        try {
            if (!beanManager.getContext(RequestScoped.class).isActive()) {
                return false;
            }
            request.getMethod();
            return true;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Checks that the caller has {@code role}; otherwise audits the refusal and throws an
     * {@link ErrorCode#ACCESS_DENIED} rejection.
     *
     * @param action what the caller tried, such as {@code adjustment.post}
     * @param target the id of what it was tried on, may be {@code null}
     */
    public void require(Role role, String action, String target) {
        if (has(role)) {
            return;
        }
        String user = name();
        audit.recordRefusal(user, action, target, "requires role " + role.roleName());
        LOG.warning(() -> "Access denied: user='" + user + "' action='" + action + "' target='" + target
                + "' required role=" + role.roleName());
        throw new BusinessException(ErrorCode.ACCESS_DENIED, "role", user,
                "User " + user + " may not do " + action + ": it requires the " + role.roleName() + " role.");
    }
}
