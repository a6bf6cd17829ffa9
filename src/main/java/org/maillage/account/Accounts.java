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

    /**
     * A one-time link to the porteur's space, as a path of the platform ({@code /mon-espace/lien?jeton=…}),
     * for an email the caller writes itself (in the caller's transaction), valid this long: an email read
     * days later (an acknowledgement, a warning) needs longer than a link the porteur just asked for.
     */
    String spaceLinkPath(UserId porteur, java.time.Duration validity);

    /** Whether the address is a staff account's (animator, partner, coordinator…): never a porteur's. */
    boolean isStaffEmail(String email);

    /** The email addresses of the active accounts holding the role on the scope (a pôle's animators, say). */
    java.util.List<String> emailsOf(Role role, String scopeCode);

    /**
     * Erases a porteur's account (erasure or retention): name and email replaced, account closed, links
     * cancelled. Staff accounts are never touched.
     */
    void anonymisePorteur(UserId porteur);
}
