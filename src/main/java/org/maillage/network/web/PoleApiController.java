package org.maillage.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.maillage.network.Contact;
import org.maillage.network.PoleCoverage;
import org.maillage.network.PoleResolution;
import org.maillage.network.PoleStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.network.RegionalNetwork;
import org.maillage.platform.NotFoundException;
import org.maillage.territory.Commune;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/poles")
@Tag(name = "Pôles", description = "Les pôles de développement de l'ESS et leur territoire")
class PoleApiController {

    record PoleJson(String slug, String name, String carrier, String territory, PoleStatus status,
            boolean welcomesPorteurs, boolean nameVerified, boolean coverageVerified, Contact contact, String note,
            String network, String page) {

        static PoleJson of(PoleSummary p) {
            return new PoleJson(p.slug(), p.name(), p.carrierName(), p.territoryLabel(), p.status(),
                    p.status().welcomesPorteurs(), p.nameVerified(), p.coverageVerified(), p.contact(), p.note(),
                    p.networkCode(), "/poles/" + p.slug());
        }
    }

    /**
     * @param commune the commune asked for, when the search was by commune
     * @param poles the pôles found: all of them, or the one covering the commune (none when uncovered)
     * @param coverageVerified for a commune: whether its link to the pôle is checked against a source
     * @param coordination for a commune: the regional coordination to turn to (always useful when no pôle)
     */
    record PoleSearchResult(Commune commune, List<PoleJson> poles, Boolean coverageVerified,
            RegionalNetwork coordination) {}

    record CoveredEpciJson(String code, String name, String kind, int communes, boolean verified) {}

    record CoveredCommuneJson(String code, String name, boolean verified) {}

    record PoleDetailJson(PoleJson pole, List<CoveredEpciJson> epcis, List<CoveredCommuneJson> communes) {}

    private final Poles poles;

    PoleApiController(Poles poles) {
        this.poles = poles;
    }

    @GetMapping
    @Operation(summary = "Les pôles, ou le pôle d'une commune",
            description = "Sans paramètre : tous les pôles. Avec commune=<code INSEE> : le pôle qui accueille les "
                    + "porteurs de projet de cette commune (liste vide si aucun) et la coordination régionale.")
    PoleSearchResult search(
            @Parameter(description = "Code INSEE de la commune, par exemple 22136")
            @RequestParam(required = false)
            @Pattern(regexp = "\\d{5}|2[AB]\\d{3}", message = "{commune.code.invalid}") String commune) {
        if (commune == null) {
            return new PoleSearchResult(null, poles.list().stream().map(PoleJson::of).toList(), null, null);
        }
        PoleResolution resolution = poles.resolve(commune);
        List<PoleJson> found = resolution.covered() ? List.of(PoleJson.of(resolution.pole())) : List.of();
        return new PoleSearchResult(resolution.commune(), found, resolution.covered() && resolution.coverageVerified(),
                resolution.coordination());
    }

    @GetMapping("/{slug}")
    @Operation(summary = "Un pôle et son territoire (EPCI et communes couverts)")
    PoleDetailJson get(@PathVariable String slug) {
        PoleCoverage coverage = poles.findBySlug(slug).orElseThrow(() -> new NotFoundException("pole.unknown", slug));
        return new PoleDetailJson(PoleJson.of(coverage.pole()),
                coverage.epcis().stream().map(e -> new CoveredEpciJson(e.epci().code(), e.epci().name(),
                        e.epci().kind(), e.epci().communes(), e.verified())).toList(),
                coverage.communes().stream().map(c -> new CoveredCommuneJson(c.commune().code(), c.commune().name(),
                        c.verified())).toList());
    }
}
