package org.maillage.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

/** The rules of DESIGN.md §2, one role at a time, on plain values. */
class AuthorizationServiceTest {

    private final AuthorizationService rules = new AuthorizationService(null);
    private static long nextId = 100;

    private static CurrentUser user(Grant... grants) {
        return new CurrentUser(new UserId(nextId++), "x@test", "X", List.of(grants));
    }

    private static Grant grant(Role role, ScopeType type, String code, String region) {
        return new Grant(role, type, code, code, region);
    }

    private final CurrentUser animatorCornouaille = user(grant(Role.ANIMATEUR, ScopeType.POLE, "adess-cornouaille", "53"));
    private final CurrentUser animatorTwoPoles = user(grant(Role.ANIMATEUR, ScopeType.POLE, "reso-solidaire", "53"),
            grant(Role.ANIMATEUR, ScopeType.POLE, "adess-cornouaille", "53"));
    private final CurrentUser partnerTag29 = user(grant(Role.PARTENAIRE, ScopeType.ORGANISATION, "tag-bzh-29", null));
    private final CurrentUser coordinatorBrittany = user(grant(Role.COORDINATEUR, ScopeType.REGION, "53", "53"));
    private final CurrentUser coordinatorElsewhere = user(grant(Role.COORDINATEUR, ScopeType.REGION, "52", "52"));
    private final CurrentUser funderFinistere = user(grant(Role.FINANCEUR, ScopeType.DEPARTEMENT, "29", "53"));
    private final CurrentUser admin = user(grant(Role.ADMINISTRATEUR, ScopeType.PLATFORM, "*", null));
    private final CurrentUser porteur = user(grant(Role.PORTEUR, ScopeType.SELF, "self", "53"));
    private final CurrentUser otherPorteur = user(grant(Role.PORTEUR, ScopeType.SELF, "self", "53"));

    private final PorteurFileRef file = new PorteurFileRef(porteur.id(), "adess-cornouaille", "53", Set.of());
    private final PorteurFileRef sharedFile = new PorteurFileRef(porteur.id(), "adess-cornouaille", "53", Set.of("tag-bzh-29"));

    @Test
    void aPorteursFileIsReadByThePorteurAndTheAnimatorsOfTheirPoleOnly() {
        assertThat(rules.canReadPorteurFile(porteur, file)).isTrue();
        assertThat(rules.canReadPorteurFile(animatorCornouaille, file)).isTrue();
        assertThat(rules.canReadPorteurFile(animatorTwoPoles, file)).isTrue();
        assertThat(rules.canReadPorteurFile(otherPorteur, file)).isFalse();
        assertThat(rules.canReadPorteurFile(user(grant(Role.ANIMATEUR, ScopeType.POLE, "reso-solidaire", "53")), file)).isFalse();
        for (CurrentUser never : List.of(coordinatorBrittany, funderFinistere, admin, partnerTag29)) {
            assertThat(rules.canReadPorteurFile(never, file)).isFalse();
        }
    }

    @Test
    void aPartnerReadsOnlyWhatThePorteurAgreedToShareWithTheirOrganisationAndChangesNothing() {
        assertThat(rules.canReadPorteurFile(partnerTag29, sharedFile)).isTrue();
        assertThat(rules.canChangePorteurFile(partnerTag29, sharedFile)).isFalse();
        CurrentUser partnerKejal = user(grant(Role.PARTENAIRE, ScopeType.ORGANISATION, "kejal", null));
        assertThat(rules.canReadPorteurFile(partnerKejal, sharedFile)).isFalse();
        assertThat(rules.canChangePorteurFile(porteur, file)).isTrue();
        assertThat(rules.canChangePorteurFile(animatorCornouaille, file)).isTrue();
        assertThat(rules.canChangePorteurFile(coordinatorBrittany, file)).isFalse();
    }

    @Test
    void referralsAreSeenByPartnersOnlyOnceSharedAndAnsweredOnlyByThem() {
        ReferralRef proposed = new ReferralRef(porteur.id(), "adess-cornouaille", "53", "tag-bzh-29", false);
        ReferralRef sent = new ReferralRef(porteur.id(), "adess-cornouaille", "53", "tag-bzh-29", true);
        assertThat(rules.canSeeReferral(partnerTag29, proposed)).isFalse();
        assertThat(rules.canSeeReferral(partnerTag29, sent)).isTrue();
        assertThat(rules.canAnswerReferral(partnerTag29, sent)).isTrue();
        assertThat(rules.canAnswerReferral(partnerTag29, proposed)).isFalse();
        assertThat(rules.canAnswerReferral(animatorCornouaille, sent)).isFalse();
        assertThat(rules.canSeeReferral(animatorCornouaille, proposed)).isTrue();
        assertThat(rules.canSeeReferral(porteur, proposed)).isTrue();
        assertThat(rules.canSeeReferral(otherPorteur, sent)).isFalse();
        assertThat(rules.canSeeReferral(user(grant(Role.PARTENAIRE, ScopeType.ORGANISATION, "kejal", null)), sent)).isFalse();
        assertThat(rules.canSeeReferral(coordinatorBrittany, sent)).isFalse();
    }

    @Test
    void poleInternalsBelongToItsAnimatorsAndItsRegionsCoordinators() {
        PoleRef cornouaille = new PoleRef("adess-cornouaille", "53");
        assertThat(rules.canSeePoleInternals(animatorCornouaille, cornouaille)).isTrue();
        assertThat(rules.canChangePole(coordinatorBrittany, cornouaille)).isTrue();
        assertThat(rules.canChangePole(coordinatorElsewhere, cornouaille)).isFalse();
        assertThat(rules.canSeePoleInternals(funderFinistere, cornouaille)).isFalse();
        assertThat(rules.canSeePoleInternals(partnerTag29, cornouaille)).isFalse();
        assertThat(rules.canRegisterPorteur(animatorCornouaille, cornouaille)).isTrue();
        assertThat(rules.canRegisterPorteur(coordinatorBrittany, cornouaille)).isFalse();
        assertThat(rules.canRegisterPorteur(animatorCornouaille, new PoleRef("reso-solidaire", "53"))).isFalse();
    }

    @Test
    void fundersSeeAggregatesOfTheirTerritoryButNeverPersonLevelFigures() {
        TerritoryRef finistere = new TerritoryRef(ScopeType.DEPARTEMENT, "29", "53", Set.of("REGION:53"));
        TerritoryRef cornouaille = new TerritoryRef(ScopeType.POLE, "adess-cornouaille", "53", Set.of("DEPARTEMENT:29", "REGION:53"));
        TerritoryRef illeEtVilaine = new TerritoryRef(ScopeType.DEPARTEMENT, "35", "53", Set.of("REGION:53"));
        TerritoryRef brittany = new TerritoryRef(ScopeType.REGION, "53", "53", Set.of());
        assertThat(rules.canSeeIndicators(funderFinistere, finistere, false)).isTrue();
        assertThat(rules.canSeeIndicators(funderFinistere, cornouaille, false)).as("a pôle inside the département").isTrue();
        assertThat(rules.canSeeIndicators(funderFinistere, finistere, true)).isFalse();
        assertThat(rules.canSeeIndicators(funderFinistere, illeEtVilaine, false)).isFalse();
        assertThat(rules.canSeeIndicators(funderFinistere, brittany, false)).as("the whole region is wider than 29").isFalse();
        assertThat(rules.canSeeIndicators(animatorCornouaille, cornouaille, true)).isTrue();
        assertThat(rules.canSeeIndicators(animatorCornouaille, illeEtVilaine, false)).isFalse();
        assertThat(rules.canSeeIndicators(coordinatorBrittany, illeEtVilaine, true)).isTrue();
        assertThat(rules.canSeeIndicators(coordinatorElsewhere, illeEtVilaine, false)).isFalse();
        assertThat(rules.canSeeIndicators(porteur, brittany, false)).isFalse();
    }

    @Test
    void coordinatorsGrantOperationalRolesInTheirRegionAdministratorsEverythingButPorteur() {
        ScopeOption cornouaille = new ScopeOption(ScopeType.POLE, "adess-cornouaille", "ADESS Cornouaille", "53");
        ScopeOption nantes = new ScopeOption(ScopeType.POLE, "ecossolies", "Écossolies", "52");
        ScopeOption kejal = new ScopeOption(ScopeType.ORGANISATION, "kejal", "Kejal", null);
        ScopeOption region = new ScopeOption(ScopeType.REGION, "53", "Bretagne", "53");
        ScopeOption platform = new ScopeOption(ScopeType.PLATFORM, "*", "Plateforme", null);
        assertThat(rules.canGrant(coordinatorBrittany, Role.ANIMATEUR, cornouaille)).isTrue();
        assertThat(rules.canGrant(coordinatorBrittany, Role.ANIMATEUR, nantes)).isFalse();
        assertThat(rules.canGrant(coordinatorBrittany, Role.PARTENAIRE, kejal)).isTrue();
        assertThat(rules.canGrant(coordinatorBrittany, Role.COORDINATEUR, region)).isFalse();
        assertThat(rules.canGrant(coordinatorBrittany, Role.ADMINISTRATEUR, platform)).isFalse();
        assertThat(rules.canGrant(coordinatorBrittany, Role.ANIMATEUR, kejal)).as("wrong scope type for the role").isFalse();
        assertThat(rules.canGrant(admin, Role.COORDINATEUR, region)).isTrue();
        assertThat(rules.canGrant(admin, Role.ADMINISTRATEUR, platform)).isTrue();
        assertThat(rules.canGrant(admin, Role.PORTEUR, new ScopeOption(ScopeType.SELF, "self", "", null))).isFalse();
        assertThat(rules.canGrant(animatorCornouaille, Role.ANIMATEUR, cornouaille)).isFalse();
    }

    @Test
    void coordinatorsManageOnlyAccountsWhollyInsideTheirRegion() {
        List<Grant> animatorHere = List.of(grant(Role.ANIMATEUR, ScopeType.POLE, "adess-cornouaille", "53"));
        List<Grant> animatorOfBothRegions = List.of(grant(Role.ANIMATEUR, ScopeType.POLE, "adess-cornouaille", "53"),
                grant(Role.ANIMATEUR, ScopeType.POLE, "ecossolies", "52"));
        List<Grant> otherCoordinator = List.of(grant(Role.COORDINATEUR, ScopeType.REGION, "53", "53"));
        assertThat(rules.canManageAccount(coordinatorBrittany, animatorHere)).isTrue();
        assertThat(rules.canManageAccount(coordinatorBrittany, animatorOfBothRegions)).isFalse();
        assertThat(rules.canManageAccount(coordinatorBrittany, otherCoordinator)).isFalse();
        assertThat(rules.canManageAccount(coordinatorBrittany, List.of())).isFalse();
        assertThat(rules.canManageAccount(coordinatorElsewhere, animatorHere)).isFalse();
        assertThat(rules.canManageAccount(admin, otherCoordinator)).isTrue();
        assertThat(rules.canManageAccount(animatorCornouaille, animatorHere)).isFalse();
        assertThat(rules.canManageUsers(funderFinistere)).isFalse();
    }

    @Test
    void theAuditLogIsSearchedByAdministratorsAndByCoordinatorsForTheirRegion() {
        assertThat(rules.auditRegions(admin)).isEqualTo(Optional.empty());
        assertThat(rules.auditRegions(coordinatorBrittany)).contains(Set.of("53"));
        assertThat(rules.canSearchAudit(animatorCornouaille)).isFalse();
        assertThat(rules.canSearchAudit(funderFinistere)).isFalse();
        assertThatThrownBy(() -> rules.check(false)).isInstanceOf(AccessDeniedException.class);
        rules.check(true);
    }
}
