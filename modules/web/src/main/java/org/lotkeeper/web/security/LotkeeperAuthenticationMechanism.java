package org.lotkeeper.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.AppUser;
import org.lotkeeper.core.security.UserService;

/**
 * The application's one authentication mechanism. Requests under {@code /api/} use HTTP Basic on
 * every request and never a session, so an unauthenticated API call gets 401 with a
 * {@code WWW-Authenticate} challenge. Every other request belongs to the screens: a user signs
 * in once on the login page (see {@code LoginBean}, which passes the credential through
 * {@code SecurityContext.authenticate}), the session keeps the user name, and a protected page
 * without a signed-in user redirects to the login page.
 *
 * <p>Both paths validate through the {@link IdentityStoreHandler}, so the database identity store
 * decides in both cases. The screens re-read the user's role and enabled flag on each protected
 * request, so a disabled user or a changed role takes effect at the next click.
 */
@ApplicationScoped
public class LotkeeperAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(LotkeeperAuthenticationMechanism.class.getName());

    /** Realm named in the Basic challenge. */
    static final String REALM = "Lotkeeper";

    /** Path of the login page, relative to the context root. */
    public static final String LOGIN_PAGE = "/login.xhtml";

    /** Session attribute that keeps the page a user asked for before being sent to the login page. */
    public static final String REQUESTED_PAGE = LotkeeperAuthenticationMechanism.class.getName() + ".requestedPage";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return validateBasic(request, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, credential, context);
        }
        return resumeSession(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInUser.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }

    private AuthenticationStatus validateBasic(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (!BasicCredentials.isBasic(header)) {
            return context.isProtected() ? challenge(context) : context.doNothing();
        }
        Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(header);
        if (credential.isEmpty()) {
            return challenge(context);
        }
        CredentialValidationResult result = identityStores.validate(credential.get());
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(context);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus challenge(HttpMessageContext context) {
        context.getResponse().setHeader("WWW-Authenticate",
                "Basic realm=\"" + REALM + "\", charset=\"" + StandardCharsets.UTF_8.name() + "\"");
        return context.responseUnauthorized();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, Credential credential, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "Sign-in failed from address " + request.getRemoteAddr());
            audit.recordRejection(attemptedName(credential), "sign-in", null,
                    "wrong user name or password, or a disabled user");
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A new session id at sign-in, so that an id planted before it (session fixation) is useless.
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, new SignedInUser(result.getCallerPrincipal().getName()));
        LOG.info(() -> "Signed in user='" + result.getCallerPrincipal().getName() + "' from address "
                + request.getRemoteAddr());
        return context.notifyContainerAboutLogin(result);
    }

    /** Returns the user name a failed sign-in gave, cut to the audit trail's 100 characters. */
    private static String attemptedName(Credential credential) {
        String name = credential instanceof UsernamePasswordCredential password ? password.getCaller() : null;
        if (name == null || name.isBlank()) {
            return "anonymous";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private AuthenticationStatus resumeSession(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        SignedInUser signedIn = session == null ? null
                : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        Optional<AppUser> user = signedIn == null ? Optional.empty()
                : users.find(signedIn.name()).filter(AppUser::isEnabled);
        if (user.isPresent()) {
            return context.notifyContainerAboutLogin(user.get().getUserName(), Set.of(user.get().getRole().roleName()));
        }
        if (signedIn != null) {
            LOG.info(() -> "Ended the session of user='" + signedIn.name() + "': the user is disabled or deleted");
            session.invalidate();
        }
        return sendToLogin(request, response, context);
    }

    private static AuthenticationStatus sendToLogin(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if ("GET".equals(request.getMethod()) && isScreen(request)) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(REQUESTED_PAGE, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // A Faces ajax request cannot follow an HTTP redirect, so a partial response with a
            // redirect element makes the page navigate instead.
            return ajaxRedirect(response, login);
        }
        return context.redirect(login);
    }

    /**
     * Returns whether a request is for a screen, the only kind of address worth returning to after
     * sign-in. A browser also fetches {@code /favicon.ico} and similar files on its own while the
     * login page shows, and returning there would end the sign-in on an error page.
     */
    private static boolean isScreen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.endsWith(".xhtml");
    }

    private static AuthenticationStatus ajaxRedirect(HttpServletResponse response, String location) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></partial-response>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Writing the redirect to the login page failed", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
