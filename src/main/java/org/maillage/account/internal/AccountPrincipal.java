package org.maillage.account.internal;

import org.maillage.platform.Actor;

/** The principal of a signed-in user, whatever the way in (password, magic link, OpenID Connect). */
interface AccountPrincipal extends Actor {

    /** The user id as text: the principal name, under which Spring Session indexes the user's sessions. */
    static String principalName(long userId) {
        return Long.toString(userId);
    }
}
