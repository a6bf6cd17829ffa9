package org.maillage.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that answers "may this user see or change this?". Pages and API endpoints ask it
 * on the server before showing or changing anything; {@link #check} turns a refusal into a 403.
 *
 * <p>The rules (DESIGN.md §2): a porteur's personal data is seen by the porteur, the animators of the
 * pôle that welcomed them, and partners of the organisations the porteur agreed to share it with;
 * never by coordinators, funders or administrators. Funders see aggregated figures of their
 * territory only.
 */
public interface Authorizations {

    /** The signed-in user, with their grants as they are now; empty for a visitor. */
    Optional<CurrentUser> currentUser();

    /** The signed-in user; a visitor is refused (login page, or 401 on the API). */
    CurrentUser requireUser();

    /** Internal data of a pôle (members, funding, préfiguration): its animators, its region's coordinators. */
    boolean canSeePoleInternals(CurrentUser user, PoleRef pole);

    /** Its animators (their pôle's own data) and its region's coordinators. */
    boolean canChangePole(CurrentUser user, PoleRef pole);

    boolean canReadPorteurFile(CurrentUser user, PorteurFileRef file);

    /** The pôle's animators and the porteur themself; partners only read. */
    boolean canChangePorteurFile(CurrentUser user, PorteurFileRef file);

    /** Animators of that pôle. */
    boolean canRegisterPorteur(CurrentUser user, PoleRef pole);

    /** The operator's partners, the coordinators of its region, administrators. */
    boolean canMaintainSchemesOf(CurrentUser user, String operatorSlug, String operatorRegionCode);

    /** Animators of that pôle: the projects it follows, by title and commune. */
    boolean canSeeProjectsOf(CurrentUser user, PoleRef pole);

    /** The pôle's animators, the porteur, and the scheme's partners once shared with consent. */
    boolean canSeeReferral(CurrentUser user, ReferralRef referral);

    /** Partners of the scheme's organisation, once shared with consent. */
    boolean canAnswerReferral(CurrentUser user, ReferralRef referral);

    /**
     * Figures of a territory: aggregated ones for its funders, animators of its pôles, coordinators
     * of its region; figures about identifiable people ({@code personLevel}) never for funders.
     */
    boolean canSeeIndicators(CurrentUser user, TerritoryRef territory, boolean personLevel);

    /** Administrators and coordinators manage accounts (coordinators within their region). */
    boolean canManageUsers(CurrentUser user);

    /** Whether the user may grant (or take back) this role on this scope. */
    boolean canGrant(CurrentUser user, Role role, ScopeOption scope);

    /** Whether the user may manage an account holding these grants (deactivate, change roles). */
    boolean canManageAccount(CurrentUser user, List<Grant> accountGrants);

    boolean canSearchAudit(CurrentUser user);

    /** Regions whose audit rows the user may read; empty means all (administrators). */
    Optional<Set<String>> auditRegions(CurrentUser user);

    /** Throws {@link org.springframework.security.access.AccessDeniedException} (403) when not allowed. */
    void check(boolean allowed);
}
