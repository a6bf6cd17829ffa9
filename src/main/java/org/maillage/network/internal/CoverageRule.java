package org.maillage.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.maillage.network.PoleId;

/**
 * The rule of a network's coverage: a commune has at most one pôle in the network. Pure function of
 * the communes each pôle would cover (through its EPCI and one by one).
 */
final class CoverageRule {

    /** The communes a pôle covers (or would cover after a change). */
    record Claim(PoleId pole, String poleName, Set<String> communeCodes) {}

    /** A commune that two pôles would both cover. */
    record Conflict(String communeCode, Claim other) {}

    private CoverageRule() {}

    /** Every commune of the proposed claim already covered by another pôle of the network. */
    static List<Conflict> conflicts(Claim proposed, List<Claim> others) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Claim other : others) {
            if (other.pole().equals(proposed.pole())) {
                continue;
            }
            proposed.communeCodes().stream()
                    .filter(other.communeCodes()::contains)
                    .sorted()
                    .forEach(code -> conflicts.add(new Conflict(code, other)));
        }
        return conflicts;
    }
}
