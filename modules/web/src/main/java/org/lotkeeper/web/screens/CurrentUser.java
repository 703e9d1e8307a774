package org.lotkeeper.web.screens;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.web.security.LotkeeperAuthenticationMechanism;

/**
 * The signed-in user as the screens see it: name, what the menus may offer, and sign-out. The
 * services check roles again, so hiding a button is a convenience, not the protection.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    Caller caller;

    @Inject
    ExternalContext external;

    public String getName() {
        return caller.name();
    }

    /** Returns whether the user may create, post and reverse adjustments and count stock. */
    public boolean isStaff() {
        return caller.has(Role.STAFF);
    }

    public boolean isAdmin() {
        return caller.has(Role.ADMIN);
    }

    /** Signs out, ends the session and shows the login page. */
    public void signOut() throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + LotkeeperAuthenticationMechanism.LOGIN_PAGE + "?signedOut=true");
    }
}
