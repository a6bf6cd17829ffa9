package org.maillage.cooperation;

/** What a collective project is about (seed 004's examples). */
public enum CollectiveProjectTheme {
    ECO_CONSTRUCTION(CollectiveProjectKind.FILIERE),
    BOIS_ENERGIE(CollectiveProjectKind.FILIERE),
    SERVICES_PERSONNE(CollectiveProjectKind.FILIERE),
    TOURISME_SOLIDAIRE(CollectiveProjectKind.FILIERE),
    TRANSPORTS(CollectiveProjectKind.FILIERE),
    CULTURE(CollectiveProjectKind.FILIERE),
    ALIMENTATION(CollectiveProjectKind.FILIERE),
    /** Restauration bio en collectif. */
    RESTAURATION_BIO(CollectiveProjectKind.TRANSVERSAL),
    /** Hébergements de groupe. */
    HEBERGEMENT_GROUPE(CollectiveProjectKind.TRANSVERSAL),
    /** Monnaie locale ou complémentaire. */
    MONNAIE_LOCALE(CollectiveProjectKind.TRANSVERSAL),
    /** Tiers-lieu. */
    TIERS_LIEU(CollectiveProjectKind.TRANSVERSAL),
    /** Achat responsable, commande publique. */
    ACHAT_RESPONSABLE(CollectiveProjectKind.TRANSVERSAL),
    OTHER(null);

    private final CollectiveProjectKind kind;

    CollectiveProjectTheme(CollectiveProjectKind kind) {
        this.kind = kind;
    }

    /** The kind of project this theme belongs to; null when it may be either. */
    public CollectiveProjectKind kind() {
        return kind;
    }
}
