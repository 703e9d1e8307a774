/**
 * The admin console: adjustment types with their settings, users, and the audit trail. The pages
 * show their content to admins only, and the services they call check the admin role again.
 */
package org.lotkeeper.web.screens.admin;
