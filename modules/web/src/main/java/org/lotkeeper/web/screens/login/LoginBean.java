package org.lotkeeper.web.screens.login;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.lotkeeper.web.screens.ProblemMessages;
import org.lotkeeper.web.security.LotkeeperAuthenticationMechanism;

/**
 * The login form. It hands the entered credential to the authentication mechanism, and on success
 * goes to the page the user first asked for, or to the dashboard.
 */
@Named
@RequestScoped
public class LoginBean {

    static final String HOME = "/index.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    private String userName;
    private String password;

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Signs in, or shows why signing in failed. */
    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        UsernamePasswordCredential credential = new UsernamePasswordCredential(userName == null ? "" : userName.strip(),
                new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        password = null;

        switch (status) {
            case SUCCESS -> external.redirect(requestedPage(request));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> ProblemMessages.error("Sign-in failed: the user name or password is wrong, or the user is disabled.");
        }
    }

    /**
     * Returns the page the user asked for before being sent here. The mechanism stored it from
     * the request's own path, so it always lies inside this application.
     */
    private String requestedPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String home = request.getContextPath() + HOME;
        if (session == null) {
            return home;
        }
        Object requested = session.getAttribute(LotkeeperAuthenticationMechanism.REQUESTED_PAGE);
        session.removeAttribute(LotkeeperAuthenticationMechanism.REQUESTED_PAGE);
        if (requested instanceof String page && page.startsWith(request.getContextPath() + "/") && !page.startsWith("//")) {
            return page;
        }
        return home;
    }
}
