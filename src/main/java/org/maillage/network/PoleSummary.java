package org.maillage.network;

/**
 * A pôle as the public and the other modules see it.
 *
 * @param carrierName the association porteuse, when known
 * @param territoryLabel the territory in words, e.g. "Pays de Brest"
 * @param nameVerified false while the name is provisional
 * @param coverageVerified true when every EPCI and commune of its coverage is checked against a source
 * @param regionCode the region of its network
 */
public record PoleSummary(
        PoleId id,
        String slug,
        String name,
        String carrierName,
        String territoryLabel,
        PoleStatus status,
        boolean nameVerified,
        boolean coverageVerified,
        Contact contact,
        String note,
        String networkCode,
        String networkName,
        String regionCode) {}
