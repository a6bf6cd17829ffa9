package org.maillage.cooperation;

/** Where a collective project stands. */
public enum CollectiveProjectStatus {
    /** Émergence: structures meet around the idea. */
    EMERGENCE,
    /** Étude: feasibility or opportunity study. */
    STUDY,
    /** Lancement. */
    LAUNCH,
    /** En activité. */
    RUNNING,
    /** Arrêté. */
    STOPPED
}
