/**
 * Users, roles and the role check at the service boundary. Screens and the API call the same
 * services, so both enforce the same rules, and every refusal is audited.
 */
package org.lotkeeper.core.security;
