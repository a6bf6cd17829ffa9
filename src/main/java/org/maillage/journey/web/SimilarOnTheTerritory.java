package org.maillage.journey.web;

import java.util.List;
import org.maillage.account.CurrentUser;
import org.maillage.directory.Directory;
import org.maillage.directory.EssSector;
import org.maillage.journey.Projects;
import org.maillage.offer.Orientation;
import org.maillage.offer.Scheme;
import org.springframework.stereotype.Component;

/**
 * What already exists near an oriented project (seed 000: "ne pas venir en doublon ou en
 * compétition"), the same for the orientation page and the API: structures of the directory, and for
 * those who orient, past projects.
 */
@Component
class SimilarOnTheTerritory {

    /** How many similar projects and structures are shown. */
    static final int SHOWN = 5;

    record Found(List<Directory.StructureView> structures, List<Projects.SimilarProject> projects) {}

    private final Directory directory;
    private final Projects projects;

    SimilarOnTheTerritory(Directory directory, Projects projects) {
        this.directory = directory;
        this.projects = projects;
    }

    /**
     * @param orienter who looks, when they orient porteurs (animator, coordinator); null: structures only
     * @param idea the project in a few words, or null
     */
    Found find(CurrentUser orienter, String idea, EssSector sector, Orientation.Result result) {
        Scheme.Place place = result.place();
        List<Directory.StructureView> structures = directory.similar(new Directory.SimilarQuery(idea, sector,
                place.departementCode(), result.poleSlug(), place.communeCode(), SHOWN));
        List<Projects.SimilarProject> similarProjects = orienter == null ? List.of()
                : projects.similar(orienter, new Projects.SimilarQuery(idea, sector == null ? null : sector.name(),
                        place.departementCode(), result.poleSlug(), place.communeCode(), SHOWN));
        return new Found(structures, similarProjects);
    }
}
