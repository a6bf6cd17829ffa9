package org.maillage.observatory;

import org.maillage.account.ScopeType;

/**
 * A territory whose figures are shown: a pôle, an EPCI, a département or a région.
 *
 * @param key {@code TYPE:code}, e.g. {@code POLE:pays-de-brest} or {@code REGION:53}
 */
public record Area(ScopeType type, String code, String name, String regionCode) {

    public String key() {
        return type + ":" + code;
    }
}
