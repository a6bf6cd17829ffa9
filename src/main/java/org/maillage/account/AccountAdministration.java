package org.maillage.account;

import java.util.List;
import java.util.Optional;

/**
 * Managing accounts (administration pages). Every method checks that the acting user may do it:
 * administrators everywhere, coordinators for animators, partners and funders of their region.
 */
public interface AccountAdministration {

    /** Staff accounts matching the words (name or email) and role, that the user may see (never porteurs'). */
    AccountPage search(CurrentUser by, String text, Role role, int page);

    /**
     * The account; empty when there is none or it is a porteur's; refused (403) when it is outside the
     * user's region.
     */
    Optional<AccountView> find(CurrentUser by, UserId id);

    /** Scopes the user may grant this role on. */
    List<ScopeOption> grantableScopes(CurrentUser by, Role role);

    /** Roles the user may grant at all. */
    List<Role> grantableRoles(CurrentUser by);

    /**
     * Creates the account (invited) with one grant and emails the invitation link.
     *
     * @throws org.maillage.platform.RuleViolationException when the email has an account already
     */
    UserId invite(CurrentUser by, String email, String displayName, Role role, String scopeCode);

    void resendInvitation(CurrentUser by, UserId id);

    void grant(CurrentUser by, UserId id, Role role, String scopeCode);

    void revoke(CurrentUser by, UserId id, long grantId);

    /** The account can no longer sign in; its open sessions end at once. */
    void deactivate(CurrentUser by, UserId id);

    void reactivate(CurrentUser by, UserId id);
}
