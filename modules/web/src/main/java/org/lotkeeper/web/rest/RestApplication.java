package org.lotkeeper.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;

/** Root of the REST API, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Lotkeeper API", version = "1",
        description = "Stock adjustments for lot-tracked inventory: products, locations, lots, adjustment documents,"
                + " the ledger and imports."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {
}
