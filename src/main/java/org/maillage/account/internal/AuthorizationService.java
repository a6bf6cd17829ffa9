package org.maillage.account.internal;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.PoleRef;
import org.maillage.account.PorteurFileRef;
import org.maillage.account.ReferralRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeType;
import org.maillage.account.TerritoryRef;
import org.maillage.account.UserId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The rules of DESIGN.md §2, on the grants the user holds at this request. */
@Service
class AuthorizationService implements Authorizations {

    private static final String CACHE = AuthorizationService.class.getName() + ".currentUser";
    /** Roles a coordinator may grant, within their region. */
    private static final Set<Role> COORDINATOR_GRANTABLE = Set.of(Role.ANIMATEUR, Role.PARTENAIRE, Role.FINANCEUR, Role.STRUCTURE);

    private final UserRepository users;

    AuthorizationService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public Optional<CurrentUser> currentUser() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> cached) {
            return (Optional<CurrentUser>) cached;
        }
        Optional<CurrentUser> user = load();
        if (request != null) {
            request.setAttribute(CACHE, user, RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    private Optional<CurrentUser> load() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        // The grants of the roles this session was opened with: a porteur's magic link never carries
        // staff rights, a password login never carries the porteur's.
        Set<String> sessionRoles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return users.findById(principal.userId())
                .filter(UserRecord::isActive)
                .map(user -> new CurrentUser(new UserId(user.id()), user.email(), user.displayName(),
                        users.grants(user.id()).stream()
                                .filter(grant -> sessionRoles.contains("ROLE_" + grant.role().name())).toList()));
    }

    @Override
    public CurrentUser requireUser() {
        return currentUser().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentification requise"));
    }

    private static boolean animates(CurrentUser user, String poleSlug) {
        return user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(poleSlug);
    }

    private static boolean coordinates(CurrentUser user, String regionCode) {
        return regionCode != null && user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(regionCode);
    }

    private static boolean partnerOf(CurrentUser user, String organisation) {
        return user.scopes(Role.PARTENAIRE, ScopeType.ORGANISATION).contains(organisation);
    }

    private static boolean isPorteur(CurrentUser user, UserId porteur) {
        return user.has(Role.PORTEUR) && user.id().equals(porteur);
    }

    @Override
    public boolean canSeePoleInternals(CurrentUser user, PoleRef pole) {
        return animates(user, pole.slug()) || coordinates(user, pole.regionCode());
    }

    @Override
    public boolean canChangePole(CurrentUser user, PoleRef pole) {
        return animates(user, pole.slug()) || coordinates(user, pole.regionCode());
    }

    @Override
    public boolean canReadPorteurFile(CurrentUser user, PorteurFileRef file) {
        return isPorteur(user, file.porteur()) || animates(user, file.poleSlug())
                || !Collections.disjoint(user.scopes(Role.PARTENAIRE, ScopeType.ORGANISATION), file.consentedOrganisations());
    }

    @Override
    public boolean canMaintainSchemesOf(CurrentUser user, String operatorSlug, String operatorRegionCode) {
        return user.has(Role.ADMINISTRATEUR) || coordinates(user, operatorRegionCode)
                || partnerOf(user, operatorSlug);
    }

    @Override
    public boolean canSeeProjectsOf(CurrentUser user, PoleRef pole) {
        return pole.slug() != null && animates(user, pole.slug());
    }

    @Override
    public boolean canChangePorteurFile(CurrentUser user, PorteurFileRef file) {
        return isPorteur(user, file.porteur()) || animates(user, file.poleSlug());
    }

    @Override
    public boolean canRegisterPorteur(CurrentUser user, PoleRef pole) {
        return animates(user, pole.slug());
    }

    @Override
    public boolean canSeeReferral(CurrentUser user, ReferralRef referral) {
        return isPorteur(user, referral.porteur()) || animates(user, referral.poleSlug())
                || (referral.shared() && partnerOf(user, referral.organisation()));
    }

    @Override
    public boolean canAnswerReferral(CurrentUser user, ReferralRef referral) {
        return referral.shared() && partnerOf(user, referral.organisation());
    }

    @Override
    public boolean canSeeIndicators(CurrentUser user, TerritoryRef territory, boolean personLevel) {
        String key = TerritoryRef.key(territory.type(), territory.code());
        boolean animatorOfIt = user.scopes(Role.ANIMATEUR, ScopeType.POLE).stream()
                .anyMatch(pole -> key.equals(TerritoryRef.key(ScopeType.POLE, pole))
                        || territory.containedIn().contains(TerritoryRef.key(ScopeType.POLE, pole)));
        if (animatorOfIt || coordinates(user, territory.regionCode())) {
            return true;
        }
        boolean funderOfIt = user.grants().stream()
                .filter(grant -> grant.role() == Role.FINANCEUR)
                .map(grant -> TerritoryRef.key(grant.scopeType(), grant.scopeCode()))
                .anyMatch(scope -> scope.equals(key) || territory.containedIn().contains(scope));
        return funderOfIt && !personLevel;
    }

    @Override
    public boolean canManageUsers(CurrentUser user) {
        return user.has(Role.ADMINISTRATEUR) || user.has(Role.COORDINATEUR);
    }

    @Override
    public boolean canGrant(CurrentUser user, Role role, ScopeOption scope) {
        if (!role.scopeTypes().contains(scope.type())) {
            return false;
        }
        if (user.has(Role.ADMINISTRATEUR)) {
            return role != Role.PORTEUR; // porteurs come from their intake, not from an invitation
        }
        if (role == Role.STRUCTURE) { // a structure's people: its pôle's animators, its region's coordinators
            return coordinates(user, scope.regionCode())
                    || (scope.poleSlug() != null && user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(scope.poleSlug()));
        }
        return user.has(Role.COORDINATEUR) && COORDINATOR_GRANTABLE.contains(role)
                && (coordinates(user, scope.regionCode()) || (role == Role.PARTENAIRE && scope.regionCode() == null));
    }

    @Override
    public boolean canManageAccount(CurrentUser user, List<Grant> accountGrants) {
        if (user.has(Role.ADMINISTRATEUR)) {
            return true;
        }
        return user.has(Role.COORDINATEUR) && !accountGrants.isEmpty() && accountGrants.stream().allMatch(grant ->
                COORDINATOR_GRANTABLE.contains(grant.role())
                        && (coordinates(user, grant.regionCode())
                            || (grant.role() == Role.PARTENAIRE && grant.regionCode() == null)));
    }

    @Override
    public boolean canSearchAudit(CurrentUser user) {
        return user.has(Role.ADMINISTRATEUR) || user.has(Role.COORDINATEUR);
    }

    @Override
    public Optional<Set<String>> auditRegions(CurrentUser user) {
        return user.has(Role.ADMINISTRATEUR) ? Optional.empty()
                : Optional.of(user.scopes(Role.COORDINATEUR, ScopeType.REGION));
    }

    @Override
    public void check(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("Accès refusé");
        }
    }
}
