package org.maillage.account.internal;

import java.io.Serial;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in through OpenID Connect, mapped to their Maillage account. */
final class MaillageOidcUser extends DefaultOidcUser implements AccountPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String displayName;
    private final String auditLabel;

    MaillageOidcUser(MaillageUser account, OidcUser oidc) {
        super(account.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
        this.id = account.userId();
        this.displayName = account.displayName();
        this.auditLabel = account.auditLabel();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public long userId() {
        return id;
    }

    @Override
    public String auditLabel() {
        return auditLabel;
    }

    /** The principal name is the user id, as for every other way in. */
    @Override
    public String getName() {
        return AccountPrincipal.principalName(id);
    }
}
