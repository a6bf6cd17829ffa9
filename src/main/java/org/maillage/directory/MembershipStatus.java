package org.maillage.directory;

/** Where a structure's membership of a pôle stands for a year. */
public enum MembershipStatus {
    /** Demande d'adhésion en cours. */
    PENDING,
    /** Adhérente, cotisation réglée ou convenue. */
    MEMBER,
    /** A quitté le pôle. */
    LEFT
}
