package org.maillage.network;

import java.util.List;
import java.util.Optional;

/** The network module's API: pôles, their coverage, and which pôle covers a commune. */
public interface Poles {

    /**
     * The pôle that welcomes people of a commune: the pôle of the commune's own region covering it
     * one by one or through its EPCI, else a pôle of another network covering it; and the regional
     * coordination to turn to.
     *
     * @throws org.maillage.platform.NotFoundException for an unknown commune
     */
    PoleResolution resolve(String communeCode);

    /**
     * All pôles, by network then name (an unmodifiable list). Kept in memory 30 seconds: a change made
     * on this node shows at once, one made on another node within that time.
     */
    List<PoleSummary> list();

    Optional<PoleCoverage> findBySlug(String slug);

    /**
     * Replaces the coverage of a pôle. Refused, with nothing written, when a commune would then have
     * two pôles in the same network, or when a code is unknown.
     *
     * @throws org.maillage.platform.RuleViolationException with the French reason
     * @throws org.maillage.platform.NotFoundException for an unknown pôle
     */
    void changeCoverage(PoleId pole, CoverageChange change);
}
