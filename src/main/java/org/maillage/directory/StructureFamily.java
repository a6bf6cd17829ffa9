package org.maillage.directory;

/** The families of the ESS a structure belongs to. */
public enum StructureFamily {
    ASSOCIATION,
    /** Société coopérative et participative. */
    SCOP,
    /** Société coopérative d'intérêt collectif. */
    SCIC,
    /** Coopérative d'activité et d'emploi. */
    CAE,
    /** Coopérative agricole (dont CUMA). */
    AGRICULTURAL_COOPERATIVE,
    MUTUELLE,
    FONDATION,
    /** Société commerciale de l'ESS (loi de 2014). */
    ESS_COMPANY
}
