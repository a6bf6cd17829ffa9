package org.maillage.offer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.maillage.offer.Orientation;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.Schemes;
import org.maillage.platform.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dispositifs", description = "Le catalogue des dispositifs d'accompagnement et le moteur d'orientation")
class SchemeApiController {

    record SchemeList(List<Scheme> schemes) {}

    /**
     * A project to orient.
     *
     * @param sector a sector code of the directory (CULTURE, INSERTION…), or null
     * @param collective a group, or a collective structure to come (false when absent)
     * @param legalForm the intended family (ASSOCIATION, SCOP, SCIC…), or null when not decided
     * @param commune INSEE code of the project's commune
     */
    record OrientationJson(
            @NotNull(message = "{orientation.stage.blank}") ProjectStage stage,
            @Size(max = 10) Set<ProjectNeed> needs,
            @Pattern(regexp = "[A-Z_]{2,30}", message = "{orientation.sector.invalid}") String sector,
            Boolean collective,
            @Pattern(regexp = "[A-Z_]{2,30}", message = "{orientation.legalForm.invalid}") String legalForm,
            @NotNull(message = "{commune.code.invalid}") @Pattern(regexp = "\\d{5}|2[AB]\\d{3}", message = "{commune.code.invalid}")
            String commune) {}

    record Explanation(String code, String detail, int points, String text) {}

    record SuggestionJson(String scheme, String name, String operator, String kind, boolean fits, int score,
            List<Explanation> reasons, List<Explanation> blockers, String page) {}

    record OrientationAnswer(Scheme.Place place, String pole, String poleName, String coordination,
            List<SuggestionJson> suggestions) {}

    private final Schemes schemes;
    private final Orientation orientation;
    private final Explanations explanations;

    SchemeApiController(Schemes schemes, Orientation orientation, Explanations explanations) {
        this.schemes = schemes;
        this.orientation = orientation;
        this.explanations = explanations;
    }

    @GetMapping("/api/v1/schemes")
    @Operation(summary = "Les dispositifs du catalogue", description = "Avec leurs étapes, besoins, conditions, territoire et sessions.")
    SchemeList list() {
        return new SchemeList(schemes.list());
    }

    @GetMapping("/api/v1/schemes/{slug}")
    @Operation(summary = "Un dispositif")
    Scheme get(@PathVariable String slug) {
        return schemes.find(slug).orElseThrow(() -> new NotFoundException("scheme.unknown", slug));
    }

    @PostMapping("/api/v1/orientation")
    @Operation(summary = "Orienter un projet", description = "Les dispositifs classés pour ce projet, avec les raisons "
            + "de chacun et ce qui bloque les autres, et le pôle qui accueille la personne.")
    OrientationAnswer orient(@Valid @RequestBody OrientationJson project) {
        Orientation.Result result = orientation.orient(new Orientation.Request(project.stage(), project.needs(),
                project.sector(), Boolean.TRUE.equals(project.collective()), project.legalForm(), project.commune()));
        Locale locale = LocaleContextHolder.getLocale();
        return new OrientationAnswer(result.place(), result.poleSlug(), result.poleName(), result.coordinationName(),
                result.suggestions().stream().map(s -> new SuggestionJson(s.scheme().slug(), s.scheme().name(),
                        s.scheme().operatorName(), s.scheme().kind().name(), s.fits(), s.score(),
                        s.reasons().stream().map(w -> new Explanation(w.reason().name(), w.detail(), w.points(),
                                explanations.reason(w, locale))).toList(),
                        s.blockers().stream().map(b -> new Explanation(b.block().name(), b.detail(), 0,
                                explanations.blocker(b, locale))).toList(),
                        "/api/v1/schemes/" + s.scheme().slug())).toList());
    }
}
