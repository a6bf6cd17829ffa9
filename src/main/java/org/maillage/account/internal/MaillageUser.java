package org.maillage.account.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user (password or magic link). Kept small and stable: it is serialized in the
 * session table. Authorities are the roles ({@code ROLE_ANIMATEUR}…) held at login; scopes are
 * read again at each request by the authorization service.
 */
final class MaillageUser implements UserDetails, CredentialsContainer, AccountPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String displayName;
    private final String auditLabel;
    private final List<String> roles;
    private String passwordHash;

    MaillageUser(long id, String displayName, String auditLabel, List<String> roles, String passwordHash) {
        this.id = id;
        this.displayName = displayName;
        this.auditLabel = auditLabel;
        this.roles = List.copyOf(roles);
        this.passwordHash = passwordHash;
    }

    @Override
    public long userId() {
        return id;
    }

    @Override
    public String auditLabel() {
        return auditLabel;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The principal name: the user id (see {@link AccountPrincipal#principalName}). */
    @Override
    public String getUsername() {
        return AccountPrincipal.principalName(id);
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "MaillageUser[" + id + "]";
    }
}
