package org.maillage.offer;

/** What a project needs, as schemes address it. */
public enum ProjectNeed {
    /** Définir l'idée. */
    DEFINE_IDEA,
    /** Étude de marché ou d'opportunité. */
    MARKET_STUDY,
    /** Modèle économique. */
    BUSINESS_MODEL,
    /** Statut juridique et gouvernance. */
    LEGAL_GOVERNANCE,
    /** Financement. */
    FINANCING,
    /** Formation. */
    TRAINING,
    /** Local, foncier. */
    PREMISES_LAND,
    /** Réseau et partenaires. */
    NETWORK,
    /** Recrutement, emploi (fonction employeur). */
    EMPLOYMENT,
    /** Changement d'échelle. */
    SCALING
}
