package org.maillage.cooperation;

/** A need of a territory (besoin non satisfait) or a dormant idea (projet dormant). */
public enum IdeaKind {
    TERRITORIAL_NEED, DORMANT_IDEA
}
