package org.maillage.account.internal;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenID Connect login (optional, see README): the provider vouches for a verified email, which
 * must belong to an active staff account of Maillage. Nobody gets an account by logging in: people
 * are invited first. Porteurs keep their magic links.
 */
@Component
class OidcAccountUserService extends OidcUserService {

    private final UserRepository users;
    private final Principals principals;

    OidcAccountUserService(UserRepository users, Principals principals) {
        this.users = users;
        this.principals = principals;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toAccountUser(super.loadUser(request));
    }

    @Transactional(readOnly = true)
    OidcUser toAccountUser(OidcUser oidc) {
        if (oidc.getEmail() == null || !Boolean.TRUE.equals(oidc.getEmailVerified())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("email_not_verified"));
        }
        return users.findByEmail(oidc.getEmail())
                .filter(UserRecord::isActive)
                .filter(user -> users.grants(user.id()).stream().anyMatch(grant -> grant.role().isStaff()))
                .map(user -> (OidcUser) new MaillageOidcUser(principals.staff(user), oidc))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_account")));
    }
}
