package org.maillage.agenda;

/** What kind of event it is (the agenda's themes). */
public enum EventTheme {
    /** Mois de l'ESS, every November. */
    MOIS_ESS,
    /** Portes ouvertes. */
    OPEN_DAY,
    /** Petit-déjeuner, apéro de l'ESS. */
    BREAKFAST,
    CONFERENCE,
    /** Formation, atelier. */
    TRAINING,
    /** Rencontre, réseau. */
    MEETUP,
    OTHER
}
