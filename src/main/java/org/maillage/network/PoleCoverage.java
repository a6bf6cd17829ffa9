package org.maillage.network;

import java.util.List;
import org.maillage.territory.Commune;
import org.maillage.territory.Epci;

/** What a pôle covers, for its public page. */
public record PoleCoverage(PoleSummary pole, List<CoveredEpci> epcis, List<CoveredCommune> communes) {

    public record CoveredEpci(Epci epci, boolean verified) {}

    public record CoveredCommune(Commune commune, boolean verified) {}

    public int communeCount() {
        return epcis.stream().mapToInt(e -> e.epci().communes()).sum() + communes.size();
    }
}
