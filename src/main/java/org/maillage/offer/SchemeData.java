package org.maillage.offer;

import java.util.Set;

/**
 * What those who maintain a scheme write: everything of {@link Scheme} but its slug, operator name
 * and sessions.
 */
public record SchemeData(String operatorSlug, String name, SchemeKind kind, Set<ProjectStage> stages,
        Set<ProjectNeed> needs, boolean collectiveOnly, Set<String> legalForms, Set<String> sectors,
        Scheme.Coverage coverage, Integer capacityPerYear, String contactEmail, String website, String description) {

    public SchemeData {
        stages = Scheme.present(stages);
        needs = Scheme.present(needs);
        legalForms = Scheme.present(legalForms);
        sectors = Scheme.present(sectors);
    }

    public static SchemeData of(Scheme scheme) {
        return new SchemeData(scheme.operatorSlug(), scheme.name(), scheme.kind(), scheme.stages(), scheme.needs(),
                scheme.collectiveOnly(), scheme.legalForms(), scheme.sectors(), scheme.coverage(),
                scheme.capacityPerYear(), scheme.contactEmail(), scheme.website(), scheme.description());
    }
}
