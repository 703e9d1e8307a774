/**
 * Authentication: HTTP Basic for the REST API and a login form with a session for the screens,
 * both validated by the database identity store; and the refusal of requests that a browser
 * sends from another site.
 */
package org.lotkeeper.web.security;
