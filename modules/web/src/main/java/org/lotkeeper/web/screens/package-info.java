/**
 * The staff screens in Jakarta Faces and PrimeFaces. Backing beans call the core services only,
 * so the screens enforce the same role checks and ledger rules as the REST API. This package
 * contains what every screen shares: number and date formats, the mapping of business rejections to
 * Faces messages, the signed-in user and the response headers of screen pages.
 */
package org.lotkeeper.web.screens;
