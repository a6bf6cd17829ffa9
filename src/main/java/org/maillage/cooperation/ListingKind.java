package org.maillage.cooperation;

/** An offer (ce que la structure propose) or a need (ce qu'elle recherche). */
public enum ListingKind {
    OFFER, NEED;

    public ListingKind counterpart() {
        return this == OFFER ? NEED : OFFER;
    }
}
