package org.maillage.account;

import java.util.Set;

/**
 * A territory whose figures are asked for (a pôle, an EPCI, a département, a région), with the
 * territories that contain it, as {@code TYPE:code} keys (e.g. {@code DEPARTEMENT:35}).
 */
public record TerritoryRef(ScopeType type, String code, String regionCode, Set<String> containedIn) {

    public TerritoryRef {
        containedIn = Set.copyOf(containedIn);
    }

    public static String key(ScopeType type, String code) {
        return type + ":" + code;
    }
}
