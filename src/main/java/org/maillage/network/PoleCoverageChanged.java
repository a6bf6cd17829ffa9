package org.maillage.network;

import java.util.Set;

/**
 * The coverage of a pôle changed (an EPCI added or removed): the pôle that welcomes these communes
 * may have changed (they may lie in another region, for an EPCI across a regional border).
 */
public record PoleCoverageChanged(String poleSlug, Set<String> communeCodes) {

    public PoleCoverageChanged {
        communeCodes = Set.copyOf(communeCodes);
    }
}
