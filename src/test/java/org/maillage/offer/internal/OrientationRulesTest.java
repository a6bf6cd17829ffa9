package org.maillage.offer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maillage.offer.ProjectNeed.BUSINESS_MODEL;
import static org.maillage.offer.ProjectNeed.DEFINE_IDEA;
import static org.maillage.offer.ProjectNeed.EMPLOYMENT;
import static org.maillage.offer.ProjectNeed.FINANCING;
import static org.maillage.offer.ProjectNeed.LEGAL_GOVERNANCE;
import static org.maillage.offer.ProjectNeed.MARKET_STUDY;
import static org.maillage.offer.ProjectNeed.NETWORK;
import static org.maillage.offer.ProjectNeed.PREMISES_LAND;
import static org.maillage.offer.ProjectNeed.SCALING;
import static org.maillage.offer.ProjectNeed.TRAINING;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.maillage.offer.OrientationRules;
import org.maillage.offer.OrientationRules.Block;
import org.maillage.offer.OrientationRules.Project;
import org.maillage.offer.OrientationRules.Reason;
import org.maillage.offer.OrientationRules.Suggestion;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orientation rules on the shipped Brittany catalogue, for realistic profiles drawn from the
 * seeds: the top schemes, the reasons they fit, and why others are blocked.
 */
class OrientationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<Scheme> CATALOGUE = SchemeCatalogueFile.read(JsonMapper.builder().build()).stream()
            .map(json -> json.toScheme(Map.of())).toList();

    // real communes: INSEE code, name, département, région, pôle
    private static final Scheme.Place LOUDEAC = new Scheme.Place("22136", "Loudéac", "22", "53", null, "adess-centre-bretagne");
    private static final Scheme.Place SAINT_MALO = new Scheme.Place("35288", "Saint-Malo", "35", "53", null, "horizons-solidaires");
    private static final Scheme.Place QUIMPER = new Scheme.Place("29232", "Quimper", "29", "53", null, "adess-cornouaille");
    private static final Scheme.Place RENNES = new Scheme.Place("35238", "Rennes", "35", "53", null, "reso-solidaire");
    private static final Scheme.Place VANNES = new Scheme.Place("56260", "Vannes", "56", "53", null, "e2s-pays-de-vannes");
    private static final Scheme.Place CARHAIX = new Scheme.Place("29024", "Carhaix-Plouguer", "29", "53", null, "adesk");
    private static final Scheme.Place LORIENT = new Scheme.Place("56121", "Lorient", "56", "53", null, "pole-ess-pays-de-lorient");
    private static final Scheme.Place GUINGAMP = new Scheme.Place("22070", "Guingamp", "22", "53", null, "pole-ess-pays-de-guingamp");
    private static final Scheme.Place BREST = new Scheme.Place("29019", "Brest", "29", "53", null, "adess-pays-de-brest");
    private static final Scheme.Place NANTES = new Scheme.Place("44109", "Nantes", "44", "52", null, null);

    /** A profile, the schemes expected first (in order), and schemes expected blocked, with why. */
    record Profile(String who, Project project, Scheme.Place place, List<String> top, Map<String, Block> blocked) {
        @Override
        public String toString() {
            return who;
        }
    }

    private static Project project(ProjectStage stage, boolean collective, String legalForm, String sector, ProjectNeed... needs) {
        return new Project(stage, Set.of(needs), sector, collective, legalForm);
    }

    static Stream<Profile> profiles() {
        return Stream.of(
                new Profile("a new rural dweller's café associatif near Loudéac, at the idea stage",
                        project(ProjectStage.IDEE, true, "ASSOCIATION", "CULTURE", DEFINE_IDEA, MARKET_STUDY), LOUDEAC,
                        List.of("tag-bzh-22-ideateur", "tag-bzh-22-revelateur", "cap-creation-ess"),
                        Map.of("tag-bzh-35-ideateur", Block.OUT_OF_COVERAGE)),
                new Profile("a ressourcerie group near Saint-Malo with a project",
                        project(ProjectStage.PROJET, true, "ASSOCIATION", "ENVIRONNEMENT", BUSINESS_MODEL, LEGAL_GOVERNANCE, FINANCING),
                        SAINT_MALO, List.of("tag-bzh-35-incubateur", "creopss"),
                        Map.of("scop-ouest-accompagnement", Block.LEGAL_FORM)),
                new Profile("a SCIC being created in Finistère, needing financing",
                        project(ProjectStage.CREATION, true, "SCIC", "SANITAIRE_SOCIAL", FINANCING, LEGAL_GOVERNANCE), QUIMPER,
                        List.of("scop-ouest-accompagnement", "tag-bzh-29-incubateur", "france-active-financement"),
                        Map.of("cap-creation-ess", Block.STAGE_NOT_COVERED)),
                new Profile("an individual who wants to test an activity in Rennes",
                        project(ProjectStage.PROJET, false, null, "SERVICES", BUSINESS_MODEL, NETWORK), RENNES,
                        List.of("cae-elan-createur", "creopss"),
                        Map.of("tag-bzh-35-incubateur", Block.COLLECTIVE_ONLY)),
                new Profile("an existing association in Vannes with employer difficulties",
                        project(ProjectStage.DEVELOPPEMENT, true, "ASSOCIATION", "SANITAIRE_SOCIAL", EMPLOYMENT), VANNES,
                        List.of("dla", "france-active-financement"),
                        Map.of("scop-ouest-accompagnement", Block.LEGAL_FORM, "tag-bzh-56-incubateur", Block.STAGE_NOT_COVERED)),
                new Profile("a farming project near Carhaix needing land",
                        project(ProjectStage.PROJET, false, null, "AGRICULTURE", PREMISES_LAND, TRAINING), CARHAIX,
                        List.of("terre-de-liens-foncier", "civam-installation", "creopss"), Map.of()),
                new Profile("an individual in Lorient wanting to test an activity (no CAE covers Morbihan here)",
                        project(ProjectStage.PROJET, false, null, "SERVICES", BUSINESS_MODEL), LORIENT,
                        List.of("creopss"),
                        Map.of("cae-elan-createur", Block.OUT_OF_COVERAGE, "cae-chrysalide", Block.OUT_OF_COVERAGE)),
                new Profile("a rural shop near Guingamp from a territorial need, needing a study and its funding",
                        project(ProjectStage.IDEE, true, null, "COMMERCE", MARKET_STUDY, FINANCING), GUINGAMP,
                        List.of("cap-creation-ess", "tag-bzh-22-ideateur", "tag-bzh-22-revelateur"), Map.of()),
                new Profile("a SCOP in Brest changing scale",
                        project(ProjectStage.DEVELOPPEMENT, true, "SCOP", "SERVICES", SCALING, FINANCING), BREST,
                        List.of("scop-ouest-accompagnement", "dla", "france-active-financement"), Map.of()),
                new Profile("a collective in Rennes who wants to be trained",
                        project(ProjectStage.PROJET, true, null, "CULTURE", TRAINING), RENNES,
                        List.of("creopss"), Map.of()),
                new Profile("an individual's café-librairie idea in Quimper",
                        project(ProjectStage.IDEE, false, null, "CULTURE", DEFINE_IDEA), QUIMPER,
                        List.of("cae-chrysalide"),
                        Map.of("tag-bzh-29-ideateur", Block.COLLECTIVE_ONLY, "civam-installation", Block.SECTOR)),
                new Profile("a services collective in Rennes looking for premises",
                        project(ProjectStage.CREATION, true, "ASSOCIATION", "SERVICES", PREMISES_LAND), RENNES,
                        List.of("tag-bzh-35-incubateur"),
                        Map.of("terre-de-liens-foncier", Block.SECTOR)),
                new Profile("an association being created in Vannes, needing financing and a business model",
                        project(ProjectStage.CREATION, true, "ASSOCIATION", "EDUCATION_POPULAIRE", FINANCING, BUSINESS_MODEL), VANNES,
                        List.of("tag-bzh-56-incubateur", "france-active-financement", "creopss"), Map.of()),
                new Profile("a collective idea in Nantes, outside the network's region",
                        project(ProjectStage.IDEE, true, null, "CULTURE", DEFINE_IDEA), NANTES,
                        List.of(), Map.of("creopss", Block.OUT_OF_COVERAGE, "tag-bzh-22-ideateur", Block.OUT_OF_COVERAGE)),
                new Profile("a farming SCIC of Brest at the idea stage",
                        project(ProjectStage.IDEE, true, "SCIC", "AGRICULTURE", DEFINE_IDEA, NETWORK), BREST,
                        List.of("civam-installation", "tag-bzh-29-ideateur"),
                        Map.of("terre-de-liens-foncier", Block.STAGE_NOT_COVERED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theTopSchemesAndWhyOthersDoNotFit(Profile profile) {
        List<Suggestion> ranked = OrientationRules.rank(profile.project(), profile.place(), CATALOGUE, TODAY);
        List<String> fitting = ranked.stream().filter(Suggestion::fits).map(s -> s.scheme().slug()).toList();
        assertThat(fitting).as("fitting schemes, best first").startsWith(profile.top().toArray(String[]::new));
        if (profile.top().isEmpty()) {
            assertThat(fitting).isEmpty();
        }
        profile.blocked().forEach((slug, block) -> assertThat(ranked).filteredOn(s -> s.scheme().slug().equals(slug))
                .singleElement().satisfies(s -> assertThat(s.blockers()).extracting(OrientationRules.Blocker::block).contains(block)));
        // every fitting scheme is explained: its stage, and the needs it addresses among the project's
        for (Suggestion suggestion : ranked.stream().filter(Suggestion::fits).toList()) {
            assertThat(suggestion.reasons()).extracting(OrientationRules.Why::reason).contains(Reason.STAGE_COVERED);
            assertThat(suggestion.score()).isEqualTo(suggestion.reasons().stream().mapToInt(OrientationRules.Why::points).sum());
        }
    }

    @Test
    void theReasonsOfTheTopSchemeAreTheOnesShown() {
        Project cafe = project(ProjectStage.IDEE, true, "ASSOCIATION", "CULTURE", DEFINE_IDEA, MARKET_STUDY);
        Suggestion top = OrientationRules.rank(cafe, LOUDEAC, CATALOGUE, TODAY).get(0);
        assertThat(top.scheme().slug()).isEqualTo("tag-bzh-22-ideateur");
        assertThat(top.reasons()).extracting(w -> w.reason() + ":" + w.detail()).containsExactly(
                "STAGE_COVERED:IDEE", "NEED_ADDRESSED:DEFINE_IDEA", "NEED_ADDRESSED:MARKET_STUDY", "LOCAL_SCHEME:Loudéac");
        assertThat(top.score()).isEqualTo(95);
    }

    @Test
    void aSchemeWithoutPlacesLeftIsBlockedAndAnOpenSessionIsShown() {
        Scheme incubator = CATALOGUE.stream().filter(s -> s.slug().equals("tag-bzh-22-incubateur")).findFirst().orElseThrow();
        Project project = project(ProjectStage.PROJET, true, null, "CULTURE", BUSINESS_MODEL);
        Scheme full = withSessions(incubator, List.of(new Scheme.Session(LocalDate.of(2027, 1, 15), "Saint-Brieuc", 0, null),
                new Scheme.Session(LocalDate.of(2027, 3, 1), "Saint-Brieuc", 4, LocalDate.of(2026, 11, 1))));
        assertThat(OrientationRules.rank(project, LOUDEAC, List.of(full), TODAY).get(0).blockers())
                .extracting(OrientationRules.Blocker::block).containsExactly(Block.NO_PLACES);
        Scheme open = withSessions(incubator, List.of(new Scheme.Session(LocalDate.of(2027, 2, 1), "Saint-Brieuc", 3,
                LocalDate.of(2027, 1, 10))));
        Suggestion suggestion = OrientationRules.rank(project, LOUDEAC, List.of(open), TODAY).get(0);
        assertThat(suggestion.fits()).isTrue();
        assertThat(suggestion.reasons()).extracting(w -> w.reason() + ":" + w.detail()).contains("NEXT_SESSION:2027-02-01");
    }

    @Test
    void theRankingDoesNotDependOnTheCataloguesOrder() {
        Project project = project(ProjectStage.PROJET, true, null, "ENVIRONNEMENT", FINANCING, BUSINESS_MODEL);
        List<String> expected = OrientationRules.rank(project, SAINT_MALO, CATALOGUE, TODAY).stream()
                .map(s -> s.scheme().slug()).toList();
        List<Scheme> shuffled = new ArrayList<>(CATALOGUE);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(OrientationRules.rank(project, SAINT_MALO, shuffled, TODAY)).extracting(s -> s.scheme().slug())
                .containsExactlyElementsOf(expected);
    }

    private static Scheme withSessions(Scheme s, List<Scheme.Session> sessions) {
        return new Scheme(s.slug(), s.operatorSlug(), s.operatorName(), s.name(), s.kind(), s.stages(), s.needs(),
                s.collectiveOnly(), s.legalForms(), s.sectors(), s.coverage(), s.capacityPerYear(), sessions,
                s.contactEmail(), s.website(), s.description(), s.updatedOn());
    }
}
