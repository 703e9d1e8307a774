/** The signed-in user's own account: a page that changes the user's password. */
package org.lotkeeper.web.screens.account;
