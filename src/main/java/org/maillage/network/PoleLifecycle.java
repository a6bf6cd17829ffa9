package org.maillage.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which status a pôle may move to, and what is missing for it: the rules of the lifecycle
 * INITIATIVE → PREFIGURATION → CONSTITUTED → ACTIVE (→ DORMANT and back).
 */
public final class PoleLifecycle {

    private static final Map<PoleStatus, Set<PoleStatus>> NEXT = Map.of(
            PoleStatus.INITIATIVE, EnumSet.of(PoleStatus.PREFIGURATION),
            PoleStatus.PREFIGURATION, EnumSet.of(PoleStatus.INITIATIVE, PoleStatus.CONSTITUTED),
            PoleStatus.CONSTITUTED, EnumSet.of(PoleStatus.ACTIVE, PoleStatus.DORMANT),
            PoleStatus.ACTIVE, EnumSet.of(PoleStatus.DORMANT),
            PoleStatus.DORMANT, EnumSet.of(PoleStatus.ACTIVE));

    private PoleLifecycle() {}

    /** Statuses reachable from this one in one move, whatever is missing. */
    public static Set<PoleStatus> next(PoleStatus from) {
        return NEXT.get(from);
    }

    /**
     * What prevents the move, as message keys with their arguments; empty when it is allowed.
     *
     * @param done the checklist steps completed (with a date)
     * @param governance the governance form, or null when not chosen yet
     */
    public static List<Missing> missing(PoleStatus from, PoleStatus to, Set<PrefigurationStep> done,
            GovernanceForm governance) {
        List<Missing> missing = new ArrayList<>();
        if (!next(from).contains(to)) {
            missing.add(new Missing("pole.lifecycle.notNext", null));
            return missing;
        }
        if (to == PoleStatus.CONSTITUTED || (to == PoleStatus.ACTIVE && from == PoleStatus.CONSTITUTED)) {
            PrefigurationStep.toConstitute().stream().filter(step -> !done.contains(step))
                    .forEach(step -> missing.add(new Missing("pole.lifecycle.stepMissing", step)));
            if (governance == null) {
                missing.add(new Missing("pole.lifecycle.governanceMissing", null));
            }
        }
        if (to == PoleStatus.ACTIVE && from == PoleStatus.CONSTITUTED) {
            PrefigurationStep.toActivate().stream().filter(step -> !done.contains(step))
                    .forEach(step -> missing.add(new Missing("pole.lifecycle.stepMissing", step)));
        }
        return missing;
    }

    /** One thing missing: its message key, and the step concerned (or null). */
    public record Missing(String messageKey, PrefigurationStep step) {}
}
