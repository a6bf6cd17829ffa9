package org.maillage.network;

/** Kinds of resources in a pôle's budget. */
public enum FundingKind {
    /** Subvention de fonctionnement. */
    OPERATING_GRANT,
    /** Subvention sur projet. */
    PROJECT_GRANT,
    /** Aide à l'emploi. */
    JOB_SUPPORT,
    /** Cotisations des membres. */
    MEMBERSHIP_FEES,
    /** Prestations. */
    SERVICES,
    OTHER
}
