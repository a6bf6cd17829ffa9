package org.maillage.network;

/** How a pôle is governed and managed (seed 001). */
public enum GovernanceForm {
    /** Association créée pour le pôle (gouvernance et gestion). */
    ASSOCIATION_AD_HOC,
    /** Association de fait, gestion déléguée à une structure de l'ESS du territoire. */
    ASSOCIATION_DE_FAIT,
    /** Société coopérative d'intérêt collectif. */
    SCIC
}
