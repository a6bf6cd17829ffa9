package org.maillage.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.AccountAdministration;
import org.maillage.account.Role;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login maps the provider's verified email onto an active, invited staff account of
 * Maillage, with that account's roles; anything else is refused. (The provider round trip itself is
 * Spring Security's; no provider is reachable from the tests.)
 */
@MaillageIntegrationTest
class OidcMappingIT {

    @Autowired
    OidcAccountUserService oidcUsers;

    @Autowired
    TestUsers users;

    @Autowired
    AccountAdministration administration;

    private static OidcUser fromProvider(String email, Boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "provider-" + email);
        claims.put("iss", "https://idp.example.org");
        if (email != null) {
            claims.put("email", email);
        }
        if (verified != null) {
            claims.put("email_verified", verified);
        }
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void aVerifiedEmailOfAnActiveStaffAccountSignsInWithThatAccountsRoles() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        OidcUser signedIn = oidcUsers.toAccountUser(fromProvider(coordinator.email().toUpperCase(), true));
        assertThat(signedIn.getName()).isEqualTo(String.valueOf(coordinator.id().value()));
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATEUR");
    }

    @Test
    void anUnverifiedOrUnknownOrDeactivatedOrPorteurAddressIsRefused() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        assertRefused(fromProvider(animator.email(), false), "email_not_verified");
        assertRefused(fromProvider(animator.email(), null), "email_not_verified");
        assertRefused(fromProvider(null, true), "email_not_verified");
        assertRefused(fromProvider(TestUsers.uniqueEmail("inconnu"), true), "unknown_account");

        var porteur = users.porteur(animator, "adess-cornouaille");
        assertRefused(fromProvider(porteur.email(), true), "unknown_account");

        administration.deactivate(TestUsers.platform(), animator.id());
        assertRefused(fromProvider(animator.email(), true), "unknown_account");
    }

    private void assertRefused(OidcUser user, String code) {
        assertThatThrownBy(() -> oidcUsers.toAccountUser(user)).isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo(code));
    }
}
