package org.maillage.offer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.maillage.network.Poles;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.SchemeKind;
import org.maillage.offer.Schemes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue in the data·inclusion service schema (v1), so that the schemes of the continuum
 * appear in the national directories of social and professional inclusion services.
 */
@RestController
@Tag(name = "Dispositifs")
class DataInclusionController {

    static final String SOURCE = "maillage";

    /** A service of the data·inclusion schema: field names as the schema spells them. */
    record Service(String source, String structure_id, String id, String nom, String description, String date_maj,
            String type, List<String> thematiques, List<String> modes_accueil, List<String> zone_eligibilite,
            String courriel, String lien_source, String lien_mobilisation) {}

    /** The kinds of scheme as data·inclusion service types. */
    private static final Map<SchemeKind, String> TYPES = new EnumMap<>(Map.of(
            SchemeKind.ACCUEIL, "information", SchemeKind.IDEATION, "accompagnement",
            SchemeKind.REVELATEUR, "accompagnement", SchemeKind.INCUBATION, "accompagnement",
            SchemeKind.FORMATION, "formation", SchemeKind.FINANCEMENT, "aide-financiere",
            SchemeKind.ACCOMPAGNEMENT, "accompagnement", SchemeKind.TEST_ACTIVITE, "accompagnement",
            SchemeKind.HEBERGEMENT, "aide-materielle", SchemeKind.RESEAU_SECTORIEL, "information"));

    private static final String DEFINE = "creer-une-entreprise--definir-son-projet-de-creation-dentreprise";
    private static final String STRUCTURE = "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise";
    private static final String DEVELOP = "creer-une-entreprise--developper-son-entreprise";

    /** The needs a scheme addresses as data·inclusion thématiques. */
    private static final Map<ProjectNeed, String> THEMES = new EnumMap<>(Map.of(
            ProjectNeed.DEFINE_IDEA, DEFINE, ProjectNeed.MARKET_STUDY, DEFINE,
            ProjectNeed.BUSINESS_MODEL, STRUCTURE, ProjectNeed.LEGAL_GOVERNANCE, STRUCTURE,
            ProjectNeed.FINANCING, STRUCTURE, ProjectNeed.PREMISES_LAND, STRUCTURE, ProjectNeed.NETWORK, STRUCTURE,
            ProjectNeed.TRAINING, "se-former--trouver-sa-formation",
            ProjectNeed.EMPLOYMENT, DEVELOP, ProjectNeed.SCALING, DEVELOP));

    private final Schemes schemes;
    private final Poles poles;
    private final org.maillage.territory.Territories territories;

    DataInclusionController(Schemes schemes, Poles poles, org.maillage.territory.Territories territories) {
        this.schemes = schemes;
        this.poles = poles;
        this.territories = territories;
    }

    @GetMapping("/api/v1/data-inclusion/services")
    @Operation(summary = "Les dispositifs au schéma data·inclusion",
            description = "Les services du catalogue au schéma data·inclusion v1 : nom, description, type, thématiques, "
                    + "modes d’accueil, zone d’éligibilité en codes COG (départements — une région par ses départements —, "
                    + "SIREN d’EPCI, communes — un pôle par ses EPCI et communes), contact.")
    List<Service> services() {
        // a pôle's or a region's codes are looked up once for the whole export, not once per scheme
        Map<String, Set<String>> zones = new java.util.HashMap<>();
        return schemes.list().stream().map(scheme -> service(scheme, zones)).toList();
    }

    private Service service(Scheme scheme, Map<String, Set<String>> zones) {
        Set<String> themes = new TreeSet<>();
        scheme.needs().forEach(need -> themes.add(THEMES.get(need)));
        if (scheme.stages().contains(ProjectStage.DEVELOPPEMENT)) {
            themes.add(DEVELOP);
        }
        String page = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/schemes/{slug}").buildAndExpand(scheme.slug()).toUriString();
        return new Service(SOURCE, scheme.operatorSlug(), scheme.slug(), scheme.name(), scheme.description(),
                scheme.updatedOn() == null ? null : scheme.updatedOn().toString(), TYPES.get(scheme.kind()),
                List.copyOf(themes), List.of("en-presentiel"), zone(scheme.coverage(), zones), scheme.contactEmail(), page,
                scheme.website());
    }

    /**
     * Where a scheme is open, as COG codes: départements, EPCI (SIREN), communes. A region is given as
     * its départements (a region code such as 53 would read as a département), a pôle as the EPCI and
     * communes it covers.
     */
    private List<String> zone(Scheme.Coverage coverage, Map<String, Set<String>> zones) {
        Set<String> codes = new TreeSet<>();
        coverage.regions().forEach(region -> codes.addAll(zones.computeIfAbsent("region:" + region,
                code -> territories.departementsOfRegion(region).keySet())));
        codes.addAll(coverage.departements());
        codes.addAll(coverage.epcis());
        for (String pole : coverage.poles()) {
            codes.addAll(zones.computeIfAbsent("pole:" + pole, code -> {
                Set<String> covered = new TreeSet<>();
                poles.findBySlug(pole).ifPresent(found -> {
                    found.epcis().forEach(epci -> covered.add(epci.epci().code()));
                    found.communes().forEach(commune -> covered.add(commune.commune().code()));
                });
                return covered;
            }));
        }
        return List.copyOf(codes);
    }
}
