package org.lotkeeper.web.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.audit.RequestOrigin;

/**
 * Refuses a request that changes something (any method but GET, HEAD and OPTIONS) when a browser
 * says it comes from another site: its {@code Sec-Fetch-Site} header is {@code cross-site}, or its
 * {@code Origin} header names another host and port than the request's {@code Host} header and is
 * not listed in {@code lotkeeper.trusted-origins} (comma-separated, such as
 * {@code https://stock.example.org}, for a proxy that changes the host). Programs other than
 * browsers send neither header and are not affected.
 *
 * <p>This is a second line against cross-site request forgery: the screens' session cookie is
 * {@code SameSite=Lax}, so browsers do not send it with another site's POST, and every Faces form
 * carries the id of its server-side view state, which another site cannot know. The refusal is
 * audited.
 */
@WebFilter(urlPatterns = "/*")
public class CrossSiteRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(CrossSiteRequestFilter.class.getName());

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    @ConfigProperty(name = "lotkeeper.trusted-origins")
    Optional<String> trustedOrigins;

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String user = request.getRemoteUser() == null ? "anonymous" : request.getRemoteUser();
        String from = String.valueOf(request.getHeader("Origin"));
        origin.setAddress(request.getRemoteAddr());
        LOG.warning(() -> "Refused a cross-site " + request.getMethod() + " " + path + " from origin " + from
                + " (address " + request.getRemoteAddr() + ", user '" + user + "')");
        audit.recordRefusal(user, "request.cross-site", request.getMethod() + " " + path, "origin=" + from
                + " sec-fetch-site=" + request.getHeader("Sec-Fetch-Site"));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:lotkeeper:problem:access-denied\",\"title\":\"Access denied\","
                    + "\"status\":403,\"code\":\"access-denied\",\"detail\":\"Requests from another site are refused.\","
                    + "\"problems\":[{\"field\":\"Origin\",\"message\":\"Requests from another site are refused.\","
                    + "\"value\":null}]}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("Forms of Lotkeeper can only be sent from Lotkeeper's own pages.\n");
        }
    }

    private boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String from = request.getHeader("Origin");
        if (from == null) {
            return false;
        }
        if (trusted(from)) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(from.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
        // "null" and other opaque origins have no host.
        if (uri.getHost() == null || uri.getScheme() == null) {
            return true;
        }
        return !sameAuthority(uri, request.getHeader("Host"));
    }

    private boolean trusted(String from) {
        return trustedOrigins.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .anyMatch(entry -> !entry.isEmpty() && entry.equalsIgnoreCase(from.strip()))).orElse(false);
    }

    /** Compares the origin's host and port with those of the Host header, with the scheme's default port when none is given. */
    static boolean sameAuthority(URI origin, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        int defaultPort = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        int originPort = origin.getPort() < 0 ? defaultPort : origin.getPort();
        URI host;
        try {
            host = URI.create("http://" + hostHeader.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host.getHost() == null) {
            return false;
        }
        int hostPort = host.getPort() < 0 ? defaultPort : host.getPort();
        return host.getHost().toLowerCase(Locale.ROOT).equals(origin.getHost().toLowerCase(Locale.ROOT))
                && hostPort == originPort;
    }
}
