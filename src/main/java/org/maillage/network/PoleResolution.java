package org.maillage.network;

import org.maillage.territory.Commune;

/**
 * The answer to "which pôle welcomes people of this commune?".
 *
 * @param pole the pôle covering the commune, or {@code null} when none does
 * @param coverageVerified whether that link (EPCI or commune) was checked against a source
 * @param coordination the regional network to turn to (always when there is no pôle), or
 *     {@code null} when no network is known for the commune's region
 */
public record PoleResolution(Commune commune, PoleSummary pole, boolean coverageVerified, RegionalNetwork coordination) {

    public boolean covered() {
        return pole != null;
    }
}
