package org.maillage.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in person, with the grants they hold right now (read at each request). */
public record CurrentUser(UserId id, String email, String displayName, List<Grant> grants) {

    public CurrentUser {
        grants = List.copyOf(grants);
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }

    /** The codes of the scopes of a kind on which the user holds a role. */
    public Set<String> scopes(Role role, ScopeType type) {
        return grants.stream().filter(grant -> grant.role() == role && grant.scopeType() == type)
                .map(Grant::scopeCode).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isStaff() {
        return grants.stream().anyMatch(grant -> grant.role().isStaff());
    }
}
