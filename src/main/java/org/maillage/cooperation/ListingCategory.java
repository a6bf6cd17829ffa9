package org.maillage.cooperation;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an offer or a need is about. An offer of services or goods answers a need for a provider
 * (prestataire); skills answer a need of volunteers or of a shared job; the others answer their own kind.
 */
public enum ListingCategory {
    /** Prestations de services (offer) / un prestataire (need). */
    SERVICES,
    /** Biens, produits. */
    GOODS,
    /** Locaux. */
    PREMISES,
    /** Matériel, équipement. */
    EQUIPMENT,
    /** Compétences (mécénat de compétences, savoir-faire). */
    SKILLS,
    /** Emploi partagé. */
    SHARED_JOB,
    /** Bénévoles. */
    VOLUNTEERS;

    /** The categories of the other side that answer this one. */
    public Set<ListingCategory> answeredBy() {
        return switch (this) {
            case SERVICES, GOODS -> EnumSet.of(SERVICES, GOODS);
            case SKILLS -> EnumSet.of(SKILLS, VOLUNTEERS, SHARED_JOB);
            case VOLUNTEERS -> EnumSet.of(VOLUNTEERS, SKILLS);
            case SHARED_JOB -> EnumSet.of(SHARED_JOB, SKILLS);
            case PREMISES -> EnumSet.of(PREMISES);
            case EQUIPMENT -> EnumSet.of(EQUIPMENT);
        };
    }
}
