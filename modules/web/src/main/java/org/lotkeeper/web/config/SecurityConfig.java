package org.lotkeeper.web.config;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles {@code admin}, {@code staff} and {@code viewer}; services check them, so the API and
 * the screens enforce the same rules. Authentication is done by
 * {@link org.lotkeeper.web.security.LotkeeperAuthenticationMechanism}: HTTP Basic for the API and
 * a login form for the screens.
 */
@DeclareRoles({"admin", "staff", "viewer"})
@ApplicationScoped
public class SecurityConfig {
}
