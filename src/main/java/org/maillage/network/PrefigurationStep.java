package org.maillage.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps from an initiative to an active pôle (seed 001, "La démarche de préfiguration" and
 * "Le lancement du pôle"), in their order. The first seven found the pôle; the last two start it.
 */
public enum PrefigurationStep {
    /** Mobiliser un noyau plus large. */
    WIDER_CORE_GROUP,
    /** Vérifier l'intérêt des acteurs de l'ESS. */
    ACTORS_INTEREST,
    /** Diagnostic du territoire, fonctions et actions prioritaires. */
    TERRITORIAL_DIAGNOSIS,
    /** Modes de gouvernance et de gestion. */
    GOVERNANCE,
    /** Partenariats avec les acteurs du territoire. */
    PARTNERSHIPS,
    /** Architecture financière. */
    FINANCIAL_ARCHITECTURE,
    /** Assemblée générale constitutive. */
    FOUNDING_ASSEMBLY,
    /** Recrutement du ou de la chargé·e de mission. */
    RECRUITMENT,
    /** Adhésion au réseau régional des pôles. */
    REGIONAL_NETWORK;

    /** Steps to complete before the pôle is constituted. */
    public static Set<PrefigurationStep> toConstitute() {
        return EnumSet.range(WIDER_CORE_GROUP, FOUNDING_ASSEMBLY);
    }

    /** Steps to complete, in addition, before the pôle is active. */
    public static Set<PrefigurationStep> toActivate() {
        return EnumSet.of(RECRUITMENT, REGIONAL_NETWORK);
    }
}
