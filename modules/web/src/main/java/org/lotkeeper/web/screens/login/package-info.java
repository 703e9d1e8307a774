/** The login page: signs a user in through the application's authentication mechanism. */
package org.lotkeeper.web.screens.login;
