package org.maillage.offer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orientation engine: for a project in a commune, the schemes of the catalogue ranked by
 * {@link OrientationRules} with their reasons and blockers, and the pôle that should welcome the
 * person (or the regional coordination where no pôle covers the commune).
 */
public interface Orientation {

    /**
     * @throws org.maillage.platform.NotFoundException for an unknown commune
     */
    Result orient(Request request);

    /**
     * The path of a project's life: for each stage, the schemes open in the commune (every scheme of
     * the catalogue when {@code communeCode} is null), and who welcomes there.
     *
     * @throws org.maillage.platform.NotFoundException for an unknown commune
     */
    Continuum continuum(String communeCode);

    /** @param place null for the whole catalogue */
    record Continuum(Scheme.Place place, String poleSlug, String poleName, String coordinationName,
            Map<ProjectStage, List<Scheme>> byStage) {}

    /**
     * @param sector a sector code of the directory, or null
     * @param legalForm the intended structure family, or null when not decided
     */
    record Request(ProjectStage stage, Set<ProjectNeed> needs, String sector, boolean collective, String legalForm,
            String communeCode) {

        public Request {
            needs = Scheme.present(needs);
        }
    }

    /**
     * @param poleSlug the pôle that welcomes porteurs of the commune, or null (then the coordination)
     * @param coordinationName the regional coordination of the commune's network, or null
     */
    record Result(Scheme.Place place, String poleSlug, String poleName, String coordinationName,
            List<OrientationRules.Suggestion> suggestions) {}
}
