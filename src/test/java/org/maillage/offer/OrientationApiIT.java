package org.maillage.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.maillage.support.Http;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The catalogue and the orientation engine through the API, on the seeded Brittany catalogue. */
@MaillageIntegrationTest
class OrientationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    Schemes schemes;

    @Autowired
    org.maillage.support.TestUsers users;

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void theCatalogueIsSeededWithTheContinuumsSchemes() {
        // the 23 seeded schemes (other tests add their own)
        assertThat(schemes.list()).extracting(Scheme::slug).contains("tag-bzh-22-ideateur", "tag-bzh-56-revelateur",
                "cap-creation-ess", "creopss").hasSizeGreaterThanOrEqualTo(23);
        JsonNode list = body(new Http(port).get("/api/v1/schemes"));
        assertThat(list.get("schemes").size()).isEqualTo(schemes.list().size());
        JsonNode ideateur = body(new Http(port).get("/api/v1/schemes/tag-bzh-22-ideateur"));
        assertThat(ideateur.get("operatorName").asString()).isEqualTo("TAg BZH 22 (Côtes-d'Armor)");
        assertThat(ideateur.get("collectiveOnly").asBoolean()).isTrue();
        assertThat(ideateur.get("coverage").get("departements").get(0).asString()).isEqualTo("22");
        assertThat(new Http(port).get("/api/v1/schemes/pas-un-dispositif").statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogueIsExportedInTheDataInclusionSchema() {
        JsonNode services = body(new Http(port).get("/api/v1/data-inclusion/services"));
        JsonNode ideateur = null;
        for (JsonNode service : services) {
            if (service.get("id").asString().equals("tag-bzh-22-ideateur")) {
                ideateur = service;
            }
        }
        assertThat(ideateur).isNotNull();
        assertThat(ideateur.get("source").asString()).isEqualTo("maillage");
        assertThat(ideateur.get("structure_id").asString()).isEqualTo("tag-bzh-22");
        assertThat(ideateur.get("nom").asString()).isEqualTo("Idéateur TAg BZH 22");
        assertThat(ideateur.get("type").asString()).isEqualTo("accompagnement");
        assertThat(ideateur.get("thematiques").get(0).asString())
                .isEqualTo("creer-une-entreprise--definir-son-projet-de-creation-dentreprise");
        assertThat(ideateur.get("zone_eligibilite").get(0).asString()).isEqualTo("22");
        assertThat(ideateur.get("modes_accueil").get(0).asString()).isEqualTo("en-presentiel");
        assertThat(ideateur.get("date_maj").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        JsonNode financing = null;
        for (JsonNode service : services) {
            if (service.get("id").asString().equals("cap-creation-ess")) {
                financing = service;
            }
        }
        assertThat(financing.get("type").asString()).isEqualTo("aide-financiere");
    }

    @Test
    void aCafeAssociatifNearLoudeacIsOrientedWithReasons() {
        HttpResponse<String> response = new Http(port).postJson("/api/v1/orientation", """
                {"stage": "IDEE", "needs": ["DEFINE_IDEA", "MARKET_STUDY"], "sector": "CULTURE", "collective": true,
                 "legalForm": "ASSOCIATION", "commune": "22136"}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = body(response);
        assertThat(answer.get("pole").asString()).isEqualTo("adess-centre-bretagne");
        JsonNode top = answer.get("suggestions").get(0);
        assertThat(top.get("scheme").asString()).isEqualTo("tag-bzh-22-ideateur");
        assertThat(top.get("fits").asBoolean()).isTrue();
        assertThat(top.get("score").asInt()).isEqualTo(95);
        assertThat(top.get("reasons").findValuesAsString("text")).containsExactly(
                "Accompagne les projets au stade « Idée » (+40)", "Répond au besoin « définir l’idée » (+25)",
                "Répond au besoin « étude de marché ou d’opportunité » (+25)",
                "Dispositif de proximité, ouvert à Loudéac (+5)");
        JsonNode last = answer.get("suggestions").get(answer.get("suggestions").size() - 1);
        assertThat(last.get("fits").asBoolean()).isFalse();
        assertThat(last.get("blockers").get(0).get("text").asString()).isNotBlank();
    }

    @Test
    void badProjectsGetAFrenchProblem() {
        HttpResponse<String> noStage = new Http(port).postJson("/api/v1/orientation", """
                {"needs": [], "collective": false, "commune": "22136"}""");
        assertThat(noStage.statusCode()).isEqualTo(400);
        assertThat(noStage.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(noStage.body()).contains("Indiquez le stade du projet");
        assertThat(new Http(port).postJson("/api/v1/orientation", """
                {"stage": "PLUS_TARD", "commune": "22136"}""").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = new Http(port).postJson("/api/v1/orientation", """
                {"stage": "IDEE", "commune": "99999"}""");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(new Http(port).postJson("/api/v1/orientation", "{\"stage\": ").statusCode()).isEqualTo(400);
    }

    @Test
    void theOrientationPageIsForThoseWhoOrient() {
        var session = new org.maillage.support.Session(port);
        assertThat(session.get("/espace/orientation").statusCode()).as("anonymous: to the login").isEqualTo(302);
        var funder = new org.maillage.support.Session(port).signedIn(users.staff(org.maillage.account.Role.FINANCEUR, "29").email());
        assertThat(funder.get("/espace/orientation").statusCode()).isEqualTo(403);
        var animator = new org.maillage.support.Session(port)
                .signedIn(users.staff(org.maillage.account.Role.ANIMATEUR, "adess-cornouaille").email());
        HttpResponse<String> bad = animator.get("/espace/orientation?commune=Atlantide&stage=IDEE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Aucune commune ne correspond");
        assertThat(animator.get("/espace/orientation?commune=29232&stage=PROJET&needs=FINANCING").body())
                .contains("Pour un projet à Quimper");
        HttpResponse<String> unknownValues = animator.get("/espace/orientation?commune=29232&stage=PLUS_TARD&sector=ASTRONOMIE");
        assertThat(unknownValues.statusCode()).isEqualTo(400);
        assertThat(unknownValues.body()).contains("Cette valeur n’est pas valide").doesNotContain("Failed to convert");
        // an empty choice among the needs is no choice, not a server error
        HttpResponse<String> emptyNeed = animator.get("/espace/orientation?commune=29232&stage=PROJET&needs=FINANCING&needs=");
        assertThat(emptyNeed.statusCode()).isEqualTo(200);
        HttpResponse<String> nullNeed = new Http(port).postJson("/api/v1/orientation", """
                {"stage": "IDEE", "needs": [null, "FINANCING"], "commune": "22136"}""");
        assertThat(nullNeed.statusCode()).isEqualTo(400);
        assertThat(nullNeed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new org.maillage.support.Session(port).get("/parcours?commune=Atlantide").statusCode()).isEqualTo(404);
    }
}
