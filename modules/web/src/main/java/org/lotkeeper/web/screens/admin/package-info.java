/**
 * The admin console: adjustment types with their settings and jars, installing and uninstalling
 * plugins, users, and the audit trail. The container refuses its pages to users without the admin
 * role, the pages show their content to admins only, and the services they call check the admin
 * role again.
 */
package org.lotkeeper.web.screens.admin;
