package org.maillage.account;

/**
 * A role on a scope, e.g. ANIMATEUR of the pôle {@code adess-cornouaille}.
 *
 * @param scopeLabel the scope's name when it was granted, for display
 * @param regionCode the region the scope lies in (null for the platform or a national organisation)
 */
public record Grant(Role role, ScopeType scopeType, String scopeCode, String scopeLabel, String regionCode) {

    public boolean on(ScopeType type, String code) {
        return scopeType == type && scopeCode.equals(code);
    }
}
