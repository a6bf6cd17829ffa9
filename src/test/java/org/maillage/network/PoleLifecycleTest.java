package org.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle of a pôle (seed 001): which moves exist, and what each needs. */
class PoleLifecycleTest {

    private static List<PrefigurationStep> stepsMissing(List<PoleLifecycle.Missing> missing) {
        return missing.stream().map(PoleLifecycle.Missing::step).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void movesFollowTheLifecycleOneStepAtATime() {
        assertThat(PoleLifecycle.next(PoleStatus.INITIATIVE)).containsExactly(PoleStatus.PREFIGURATION);
        assertThat(PoleLifecycle.next(PoleStatus.PREFIGURATION)).containsExactlyInAnyOrder(PoleStatus.INITIATIVE, PoleStatus.CONSTITUTED);
        assertThat(PoleLifecycle.next(PoleStatus.ACTIVE)).containsExactly(PoleStatus.DORMANT);
        assertThat(PoleLifecycle.next(PoleStatus.DORMANT)).containsExactly(PoleStatus.ACTIVE);
        assertThat(PoleLifecycle.missing(PoleStatus.INITIATIVE, PoleStatus.ACTIVE, Set.of(), GovernanceForm.SCIC))
                .extracting(PoleLifecycle.Missing::messageKey).containsExactly("pole.lifecycle.notNext");
        assertThat(PoleLifecycle.missing(PoleStatus.INITIATIVE, PoleStatus.PREFIGURATION, Set.of(), null)).isEmpty();
    }

    @Test
    void constitutingNeedsTheSixStepsTheFoundingAssemblyAndAGovernanceForm() {
        List<PoleLifecycle.Missing> nothingDone = PoleLifecycle.missing(PoleStatus.PREFIGURATION, PoleStatus.CONSTITUTED,
                Set.of(), null);
        assertThat(stepsMissing(nothingDone)).containsExactly(PrefigurationStep.WIDER_CORE_GROUP, PrefigurationStep.ACTORS_INTEREST,
                PrefigurationStep.TERRITORIAL_DIAGNOSIS, PrefigurationStep.GOVERNANCE, PrefigurationStep.PARTNERSHIPS,
                PrefigurationStep.FINANCIAL_ARCHITECTURE, PrefigurationStep.FOUNDING_ASSEMBLY);
        assertThat(nothingDone).extracting(PoleLifecycle.Missing::messageKey).contains("pole.lifecycle.governanceMissing");

        Set<PrefigurationStep> sixSteps = EnumSet.range(PrefigurationStep.WIDER_CORE_GROUP, PrefigurationStep.FINANCIAL_ARCHITECTURE);
        assertThat(stepsMissing(PoleLifecycle.missing(PoleStatus.PREFIGURATION, PoleStatus.CONSTITUTED, sixSteps,
                GovernanceForm.ASSOCIATION_AD_HOC))).containsExactly(PrefigurationStep.FOUNDING_ASSEMBLY);
        assertThat(PoleLifecycle.missing(PoleStatus.PREFIGURATION, PoleStatus.CONSTITUTED,
                PrefigurationStep.toConstitute(), GovernanceForm.ASSOCIATION_DE_FAIT)).isEmpty();
        // going back to the initiative needs nothing
        assertThat(PoleLifecycle.missing(PoleStatus.PREFIGURATION, PoleStatus.INITIATIVE, Set.of(), null)).isEmpty();
    }

    @Test
    void activatingNeedsTheRecruitmentAndTheRegionalNetworkToo() {
        assertThat(stepsMissing(PoleLifecycle.missing(PoleStatus.CONSTITUTED, PoleStatus.ACTIVE,
                PrefigurationStep.toConstitute(), GovernanceForm.SCIC)))
                .containsExactly(PrefigurationStep.RECRUITMENT, PrefigurationStep.REGIONAL_NETWORK);
        assertThat(PoleLifecycle.missing(PoleStatus.CONSTITUTED, PoleStatus.ACTIVE,
                EnumSet.allOf(PrefigurationStep.class), GovernanceForm.SCIC)).isEmpty();
        // a dormant pôle wakes up without going through the checklist again
        assertThat(PoleLifecycle.missing(PoleStatus.DORMANT, PoleStatus.ACTIVE, Set.of(), null)).isEmpty();
    }
}
