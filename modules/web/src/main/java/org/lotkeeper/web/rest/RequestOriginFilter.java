package org.lotkeeper.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.lotkeeper.core.audit.RequestOrigin;

/** Records the client address of each API request for the audit trail. */
@Provider
public class RequestOriginFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Inject
    RequestOrigin origin;

    @Override
    public void filter(ContainerRequestContext context) {
        origin.setAddress(request.getRemoteAddr());
    }
}
