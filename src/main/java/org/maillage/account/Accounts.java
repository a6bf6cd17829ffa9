package org.maillage.account;

/** What other modules ask of accounts. */
public interface Accounts {

    /**
     * The account of a porteur with this email: created (active, no password: magic links only) or,
     * if the email already has a porteur's account, that one. Refused
     * ({@link org.maillage.platform.RuleViolationException}) for the email of a staff account.
     */
    UserId ensurePorteur(String email, String displayName);

    /** Emails the porteur a magic link to their space (in the caller's transaction). */
    void sendSpaceLink(UserId porteur);
}
