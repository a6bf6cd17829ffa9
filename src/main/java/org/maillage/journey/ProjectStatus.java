package org.maillage.journey;

/** Where a project stands in its journey. */
public enum ProjectStatus {
    /** A request from the intake, nobody has met the person yet (nouvelle demande). */
    NEW,
    /** Welcomed and followed (en cours). */
    OPEN,
    /** Maturing: the pôle takes news at the follow-up date (en pause). */
    PAUSED,
    /** An activity was created (activité créée). */
    CREATED,
    /** Joined the pôle as a member structure (adhérent au pôle). */
    MEMBER,
    /** The person stopped (arrêté). */
    ABANDONED;

    /** An outcome was recorded: the journey is over (it can still be reopened). */
    public boolean outcome() {
        return this == CREATED || this == MEMBER || this == ABANDONED;
    }
}
