package org.maillage.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.directory.Directory;
import org.maillage.directory.EssSector;
import org.maillage.support.Http;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Similar projects and structures of the territory (seed 000: "ne pas venir en doublon ou en
 * compétition"): French full text, typos, the département's limits, and who sees which project.
 */
@MaillageIntegrationTest
class SimilarProjectsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    ObjectMapper json;

    /** A word of this run only, so that other tests' projects never come first. */
    String word;

    @BeforeEach
    void projectsOfTheTerritory() {
        word = "zq" + TestUsers.letters(8);
        // Loudéac (22136, ADESS Centre Bretagne), Dinan (22050, its own pôle), Quimper (29232, another département)
        project("Café associatif " + word + " du bourg", "Un lieu de rencontres et de concerts.", "CULTURE", "22136", "22",
                "adess-centre-bretagne");
        project("Cafés-épiceries " + word, "Épicerie solidaire et café culturel.", "COMMERCE", "22050", "22",
                "pole-ess-pays-de-dinan");
        project("Ressourcerie " + word + " de la Rance", "Réemploi et réparation.", "ENVIRONNEMENT", "22050", "22",
                "pole-ess-pays-de-dinan");
        project("Café associatif " + word + " de Quimper", "", "CULTURE", "29232", "29", "adess-cornouaille");
        jdbc.sql("""
                insert into directory.structure (slug, name, family, sector, commune_code, departement_code, region_code,
                    pole_slug, description)
                values (:slug, :name, 'ASSOCIATION', 'CULTURE', '22136', '22', '53', 'adess-centre-bretagne', :description)""")
                .param("slug", "cafe-" + word).param("name", "Le Café " + word)
                .param("description", "Café associatif et salle de concerts").update();
    }

    private void project(String title, String description, String sector, String commune, String departement, String pole) {
        jdbc.sql("""
                insert into journey.project (pole_slug, region_code, departement_code, commune_code, title, description,
                    sector, collective, stage, created_at)
                values (:pole, '53', :departement, :commune, :title, :description, :sector, true, 'IDEE',
                    timestamptz '2025-03-01 10:00+01')""")
                .param("pole", pole).param("departement", departement).param("commune", commune).param("title", title)
                .param("description", description).param("sector", sector).update();
    }

    @Test
    void theAnimatorOfThePoleSeesItsProjectsAndOnlyThePoleOfTheOthers() {
        TestUsers.User centre = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        List<Projects.SimilarProject> found = projects.similar(centre.current(),
                new Projects.SimilarQuery("des cafés associatifs " + word, "COMMERCE", "22", "adess-centre-bretagne", "22136", 5));
        // accents and plurals: "cafés associatifs" finds "Café associatif"; Quimper is in another département
        assertThat(found).extracting(Projects.SimilarProject::title).startsWith("Café associatif " + word + " du bourg", null)
                .doesNotContain("Café associatif " + word + " de Quimper");
        assertThat(found.get(0).communeName()).isEqualTo("Loudéac");
        assertThat(found.get(0).year()).isEqualTo(2025);
        Projects.SimilarProject dinan = found.get(1);
        assertThat(dinan.detailed()).isFalse();
        assertThat(dinan.communeName()).isNull();
        assertThat(dinan.poleName()).isEqualTo("Pôle ESS du Pays de Dinan");

        // another pôle's projects are never compared word by word: their words cannot be guessed
        TestUsers.User cornouaille = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        assertThat(projects.similar(cornouaille.current(),
                new Projects.SimilarQuery("concerts " + word, null, "22", null, "22136", 5))).isEmpty();
        assertThat(projects.similar(cornouaille.current(),
                        new Projects.SimilarQuery("cafés associatifs " + word, "CULTURE", "22", null, "22136", 5)))
                .isNotEmpty().allSatisfy(p -> assertThat(p.title()).isNull());
    }

    @Test
    void aTypoStillFindsTheProjectAndTheStructure() {
        TestUsers.User dinan = users.staff(Role.ANIMATEUR, "pole-ess-pays-de-dinan");
        List<Projects.SimilarProject> found = projects.similar(dinan.current(),
                new Projects.SimilarQuery("une resourcerie " + word, null, "22", "pole-ess-pays-de-dinan", "22050", 5));
        assertThat(found.get(0).title()).isEqualTo("Ressourcerie " + word + " de la Rance");
        assertThat(directory.similar(new Directory.SimilarQuery("salle de concert " + word, EssSector.CULTURE, "22",
                "adess-centre-bretagne", "22136", 5))).first()
                .satisfies(s -> assertThat(s.name()).isEqualTo("Le Café " + word));
        assertThat(directory.similar(new Directory.SimilarQuery(null, null, "22", null, "22136", 5))).isEmpty();
    }

    @Test
    void theOrientationPageShowsThemToAnimatorsAndIsRefusedToPartners() {
        TestUsers.User centre = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        Session session = new Session(port).signedIn(centre.email());
        String page = session.get("/espace/orientation?commune=Loud%C3%A9ac&stage=IDEE&sector=COMMERCE&idea="
                + URLEncoder.encode("café associatif " + word, StandardCharsets.UTF_8)).body();
        assertThat(page).contains("Déjà sur le territoire", "Café associatif " + word + " du bourg", "Le Café " + word,
                "Un projet suivi par Pôle ESS du Pays de Dinan").doesNotContain("de Quimper");

        TestUsers.User partner = users.staff(Role.PARTENAIRE, "france-active-bretagne");
        Session partnerSession = new Session(port).signedIn(partner.email());
        assertThat(partnerSession.get("/espace/orientation?commune=22136&stage=IDEE&idea=" + word).statusCode())
                .isEqualTo(403);
        assertThat(answer(partnerSession.postJson("/api/v1/orientation", request()).body()).get("similarProjects"))
                .isEmpty();
    }

    @Test
    void theApiGivesStructuresToEveryoneAndProjectsToOrientersOnly() {
        JsonNode visitor = answer(new Http(port).postJson("/api/v1/orientation", request()).body());
        assertThat(visitor.get("similarStructures").get(0).get("name").asString()).isEqualTo("Le Café " + word);
        assertThat(visitor.get("similarStructures").get(0).get("page").asString()).isEqualTo("/annuaire/cafe-" + word);
        assertThat(visitor.get("similarProjects")).isEmpty();

        Session animator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-centre-bretagne").email());
        JsonNode signedIn = answer(animator.postJson("/api/v1/orientation", request()).body());
        assertThat(signedIn.get("similarProjects").get(0).get("title").asString())
                .isEqualTo("Café associatif " + word + " du bourg");
    }

    private String request() {
        return """
                {"stage": "IDEE", "sector": "CULTURE", "collective": true, "commune": "22136", "idea": "café associatif %s"}"""
                .formatted(word);
    }

    private JsonNode answer(String body) {
        return json.readTree(body);
    }
}
