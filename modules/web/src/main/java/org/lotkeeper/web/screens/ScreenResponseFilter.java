package org.lotkeeper.web.screens;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lotkeeper.core.audit.RequestOrigin;

/**
 * Prepares every screen page. Browsers and proxies must not store the response, because pages
 * show stock and the login form carries a password. Other sites may not frame the page. The
 * client address is recorded for the audit trail, as the REST API does for its requests.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ScreenResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        origin.setAddress(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
