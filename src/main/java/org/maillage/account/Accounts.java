package org.maillage.account;

/** What other modules ask of accounts. */
public interface Accounts {

    /**
     * The account of a porteur with this email: created (active, no password: magic links only) or,
     * if the email already has an account, given the porteur role.
     */
    UserId ensurePorteur(String email, String displayName);

    /** Emails the porteur a magic link to their space (in the caller's transaction). */
    void sendSpaceLink(UserId porteur);
}
