/**
 * Authentication: HTTP Basic for the REST API and a login form with a session for the screens,
 * both validated by the database identity store.
 */
package org.lotkeeper.web.security;
