package org.maillage.observatory;

/**
 * Figures a pôle declares for a year because the platform's data cannot compute them; a
 * coordinator of the region validates them before funders and the public see them.
 */
public enum DeclaredIndicator {
    /** Heures d'animation du réseau. */
    ANIMATION_HOURS(false),
    /** Événements organisés (until the agenda counts them). */
    EVENTS(false),
    /** Participants aux événements. */
    EVENT_PARTICIPANTS(false),
    /** Mises en relation entre structures faites hors de la plateforme (those on Maillage are counted). */
    COOPERATION_MATCHES(false),
    /** Affaires conclues entre structures, en euros. */
    COOPERATION_BUSINESS(true),
    /** Financements mobilisés pour les projets accompagnés, en euros. */
    MONEY_MOBILISED(true),
    /** Bénévoles mobilisés. */
    VOLUNTEERS(false);

    private final boolean euros;

    DeclaredIndicator(boolean euros) {
        this.euros = euros;
    }

    public boolean euros() {
        return euros;
    }
}
