package org.lotkeeper.web.rest;

import static org.lotkeeper.core.support.JsonProviders.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the container's errors for API requests, such as the 401 of a missing or wrong password,
 * as {@code application/problem+json} like every other API error. It sits in front of the error
 * screen, {@code web.xml}'s error page, which every other request still gets.
 */
@WebFilter(filterName = "ApiErrorFilter", urlPatterns = "/error.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ApiErrorFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String api = request.getContextPath() + "/api/";
        if (uri == null || !uri.startsWith(api)) {
            chain.doFilter(request, response);
            return;
        }

        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        response.setStatus(status);
        response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem(status));
    }

    private static String problem(int status) {
        String title;
        String detail;
        switch (status) {
            case 401 -> {
                title = "Unauthorized";
                detail = "Send the user name and password of an enabled user with HTTP Basic authentication.";
            }
            case 403 -> {
                title = "Forbidden";
                detail = "The user's role does not allow this request.";
            }
            case 404 -> {
                title = "Not Found";
                detail = "No API resource has this path; the OpenAPI document at /openapi lists them.";
            }
            default -> {
                title = "HTTP " + status;
                detail = "The server could not process the request; nothing was changed.";
            }
        }
        return JSON.createObjectBuilder()
                .add("type", "urn:lotkeeper:problem:http-" + status)
                .add("title", title)
                .add("status", status)
                .add("code", "http-" + status)
                .add("detail", detail)
                .add("problems", JSON.createArrayBuilder())
                .build().toString();
    }
}
