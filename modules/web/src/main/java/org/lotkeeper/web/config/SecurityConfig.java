package org.lotkeeper.web.config;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * HTTP Basic authentication against the users stored in the database. The roles are
 * {@code admin}, {@code staff} and {@code viewer}; services check them, so the API and the screens
 * enforce the same rules.
 */
@BasicAuthenticationMechanismDefinition(realmName = "Lotkeeper")
@DeclareRoles({"admin", "staff", "viewer"})
@ApplicationScoped
public class SecurityConfig {
}
