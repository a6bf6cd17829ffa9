package org.maillage.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.directory.EssSector;
import org.maillage.journey.Projects;
import org.maillage.offer.Orientation;
import org.maillage.offer.OrientationExplanations;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dispositifs", description = "Le catalogue des dispositifs d'accompagnement et le moteur d'orientation")
class OrientationApiController {

    /**
     * A project to orient.
     *
     * @param sector a sector code of the directory (CULTURE, INSERTION…), or null
     * @param collective a group, or a collective structure to come (false when absent)
     * @param legalForm the intended family (ASSOCIATION, SCOP, SCIC…), or null when not decided
     * @param commune INSEE code of the project's commune
     * @param idea the project in a few words, to find similar projects and structures
     * @param limit how many ranked schemes to answer, fitting ones first (20 when absent, at most 200)
     */
    record OrientationJson(
            @NotNull(message = "{orientation.stage.blank}") ProjectStage stage,
            @Size(max = 10) Set<ProjectNeed> needs,
            @Pattern(regexp = "[A-Z_]{2,30}", message = "{orientation.sector.invalid}") String sector,
            Boolean collective,
            @Pattern(regexp = "[A-Z_]{2,30}", message = "{orientation.legalForm.invalid}") String legalForm,
            @NotNull(message = "{commune.code.invalid}") @Pattern(regexp = "\\d{5}|2[AB]\\d{3}", message = "{commune.code.invalid}")
            String commune,
            @Size(max = 2000, message = "{orientation.idea.tooLong}") String idea,
            @jakarta.validation.constraints.Min(value = 1, message = "{orientation.limit.invalid}")
            @jakarta.validation.constraints.Max(value = 200, message = "{orientation.limit.invalid}") Integer limit) {}

    record Explanation(String code, String detail, int points, String text) {}

    record SuggestionJson(String scheme, String name, String operator, String kind, boolean fits, int score,
            List<Explanation> reasons, List<Explanation> blockers, String page) {}

    record StructureJson(String slug, String name, String family, String sector, String commune, String pole,
            String page) {}

    /**
     * @param fitting how many schemes fit in all (the suggestions are the first of them, then blocked ones)
     * @param blocked how many schemes of the region do not fit
     * @param similarProjects only for animators and coordinators signed in (empty otherwise); a title
     *     only for the projects of the caller's own pôles
     */
    record OrientationAnswer(Scheme.Place place, String pole, String poleName, String coordination, long fitting,
            long blocked, List<SuggestionJson> suggestions, List<StructureJson> similarStructures,
            List<Projects.SimilarProject> similarProjects) {}

    private final Orientation orientation;
    private final SimilarOnTheTerritory similar;
    private final Authorizations authorizations;
    private final OrientationExplanations explanations;

    OrientationApiController(Orientation orientation, SimilarOnTheTerritory similar, Authorizations authorizations,
            OrientationExplanations explanations) {
        this.orientation = orientation;
        this.similar = similar;
        this.authorizations = authorizations;
        this.explanations = explanations;
    }

    @PostMapping("/api/v1/orientation")
    @Operation(summary = "Orienter un projet", description = "Les dispositifs classés pour ce projet, avec les raisons "
            + "de chacun et ce qui bloque les autres, le pôle qui accueille la personne, les structures proches du "
            + "projet (même territoire, mêmes mots ou même secteur) et, pour les animateurs et coordinateurs connectés, "
            + "les projets proches déjà accueillis.")
    OrientationAnswer orient(@Valid @RequestBody OrientationJson project) {
        Orientation.Result result = orientation.orient(new Orientation.Request(project.stage(), project.needs(),
                project.sector(), Boolean.TRUE.equals(project.collective()), project.legalForm(), project.commune()));
        Locale locale = LocaleContextHolder.getLocale();
        CurrentUser orienter = authorizations.currentUser().filter(OrientationPageController::isOrienter).orElse(null);
        SimilarOnTheTerritory.Found similar = this.similar.find(orienter, project.idea(), sector(project.sector()), result);
        List<StructureJson> structures = similar.structures().stream().map(s -> new StructureJson(s.slug(), s.name(),
                s.family().name(), s.sector().name(), s.communeName(), s.poleName(), "/annuaire/" + s.slug())).toList();
        long fitting = result.suggestions().stream().filter(s -> s.fits()).count();
        return new OrientationAnswer(result.place(), result.poleSlug(), result.poleName(), result.coordinationName(), fitting,
                result.suggestions().size() - fitting,
                result.suggestions().stream().limit(project.limit() == null ? 20 : project.limit()).map(s -> new SuggestionJson(s.scheme().slug(), s.scheme().name(),
                        s.scheme().operatorName(), s.scheme().kind().name(), s.fits(), s.score(),
                        s.reasons().stream().map(w -> new Explanation(w.reason().name(), w.detail(), w.points(),
                                explanations.reason(w, locale))).toList(),
                        s.blockers().stream().map(b -> new Explanation(b.block().name(), b.detail(), 0,
                                explanations.blocker(b, locale))).toList(),
                        "/api/v1/schemes/" + s.scheme().slug())).toList(),
                structures, similar.projects());
    }

    /** A sector code the directory knows, or null (an unknown code only loses the sector's points). */
    private static EssSector sector(String code) {
        if (code == null) {
            return null;
        }
        for (EssSector sector : EssSector.values()) {
            if (sector.name().equals(code)) {
                return sector;
            }
        }
        return null;
    }
}
