/** MicroProfile Health checks, served by the server at {@code /health}. */
package org.lotkeeper.web.health;
