package org.maillage.account;

import java.util.Set;

/** The roles of DESIGN.md §2, each with the kinds of scope it can be granted on. */
public enum Role {
    /** Porteur de projet: their own file only, through magic links. */
    PORTEUR(Set.of(ScopeType.SELF)),
    /** Animateur·rice de pôle: the pôles they animate. */
    ANIMATEUR(Set.of(ScopeType.POLE)),
    /** Partenaire: the schemes of their operator organisation. */
    PARTENAIRE(Set.of(ScopeType.ORGANISATION)),
    /** Coordinateur·rice régional·e (CRESS): a region's network. */
    COORDINATEUR(Set.of(ScopeType.REGION)),
    /** Financeur / collectivité: aggregated figures of a territory, never a person's data. */
    FINANCEUR(Set.of(ScopeType.REGION, ScopeType.DEPARTEMENT, ScopeType.EPCI, ScopeType.POLE)),
    /** Structure de l'ESS: the people of a structure, who keep its public listing up to date. */
    STRUCTURE(Set.of(ScopeType.STRUCTURE)),
    /** Administrateur: accounts, roles and settings of the platform. */
    ADMINISTRATEUR(Set.of(ScopeType.PLATFORM));

    private final Set<ScopeType> scopeTypes;

    Role(Set<ScopeType> scopeTypes) {
        this.scopeTypes = scopeTypes;
    }

    public Set<ScopeType> scopeTypes() {
        return scopeTypes;
    }

    /** Staff roles log in with a password (or OpenID Connect); porteurs use magic links. */
    public boolean isStaff() {
        return this != PORTEUR;
    }
}
