package org.lotkeeper.web.security;

import java.io.Serializable;

/**
 * The user who signed in through the login form, kept in the HTTP session.
 *
 * @param name user name
 */
public record SignedInUser(String name) implements Serializable {

    /** Name of the session attribute that contains the signed-in user. */
    public static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();
}
