package org.maillage.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.maillage.network.PoleId;

class CoverageRuleTest {

    private static final CoverageRule.Claim BREST = new CoverageRule.Claim(new PoleId(1), "ADESS Pays de Brest",
            Set.of("29019", "29103", "29155"));
    private static final CoverageRule.Claim CORNOUAILLE = new CoverageRule.Claim(new PoleId(2), "ADESS Cornouaille",
            Set.of("29232", "29083"));

    @Test
    void disjointCoveragesDoNotConflict() {
        assertThat(CoverageRule.conflicts(CORNOUAILLE, List.of(BREST, CORNOUAILLE))).isEmpty();
    }

    @Test
    void everySharedCommuneIsAConflictNamingTheOtherPole() {
        CoverageRule.Claim greedy = new CoverageRule.Claim(new PoleId(2), "ADESS Cornouaille",
                Set.of("29232", "29083", "29155", "29019"));
        assertThat(CoverageRule.conflicts(greedy, List.of(BREST, CORNOUAILLE)))
                .extracting(CoverageRule.Conflict::communeCode, c -> c.other().poleName())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("29019", "ADESS Pays de Brest"),
                        org.assertj.core.groups.Tuple.tuple("29155", "ADESS Pays de Brest"));
    }

    @Test
    void aPoleDoesNotConflictWithItsOwnCurrentCoverage() {
        CoverageRule.Claim brestAgain = new CoverageRule.Claim(new PoleId(1), "ADESS Pays de Brest", Set.of("29019"));
        assertThat(CoverageRule.conflicts(brestAgain, List.of(BREST))).isEmpty();
    }
}
