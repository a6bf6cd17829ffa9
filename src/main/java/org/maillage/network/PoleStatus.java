package org.maillage.network;

/** Lifecycle of a pôle (seed 001): from the first initiative to an active network, or dormant. */
public enum PoleStatus {
    /** Des acteurs lancent l'idée d'un pôle. */
    INITIATIVE,
    /** Démarche de préfiguration en cours (noyau d'acteurs, diagnostic, gouvernance…). */
    PREFIGURATION,
    /** AG constitutive tenue. */
    CONSTITUTED,
    /** Pôle en activité, avec son animation. */
    ACTIVE,
    /** En sommeil. */
    DORMANT;

    /** Whether the pôle welcomes porteurs de projet itself (otherwise the coordination does). */
    public boolean welcomesPorteurs() {
        return this == CONSTITUTED || this == ACTIVE;
    }
}
