package org.maillage.offer;

/** The kind of a support scheme (dispositif). */
public enum SchemeKind {
    ACCUEIL, IDEATION, REVELATEUR, INCUBATION, FORMATION, FINANCEMENT, ACCOMPAGNEMENT,
    /** Test d'activité en coopérative d'activité et d'emploi. */
    TEST_ACTIVITE,
    HEBERGEMENT,
    /** Réseau sectoriel (agriculture, coopératives…). */
    RESEAU_SECTORIEL
}
