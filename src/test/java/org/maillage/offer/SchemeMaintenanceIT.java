package org.maillage.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Coordinators and partners maintain their schemes (issue 5): over HTTP as the forms send them, with
 * the database and the orientation engine checked after each step, and every other role refused.
 * The test schemes serve projects in development (scaling) only, so other tests' rankings stay.
 */
@MaillageIntegrationTest
class SchemeMaintenanceIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.maillage.network.Poles poles;

    private Map<String, String> scheme(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("operator", "civam-bretagne");
        form.put("name", name);
        form.put("kind", "ACCOMPAGNEMENT");
        form.put("stages", "DEVELOPPEMENT");
        form.put("needs", "SCALING");
        form.put("departements", "29");
        form.put("capacityPerYear", "6");
        form.put("contactEmail", "contact@civam.example");
        form.put("website", "https://www.civam-bretagne.example");
        form.put("description", "Changer d’échelle en milieu rural.");
        return form;
    }

    private String create(Session session, String name) {
        HttpResponse<String> created = session.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", scheme(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/espace/dispositifs/").endsWith("?enregistre");
        return location.replaceAll(".*/espace/dispositifs/([^?]+).*", "$1");
    }

    private JsonNode orientInCarhaix() {
        return json.readTree(new org.maillage.support.Http(port).postJson("/api/v1/orientation", """
                {"stage": "DEVELOPPEMENT", "needs": ["SCALING"], "commune": "29024", "limit": 200}""").body());
    }

    private JsonNode suggestion(String slug) {
        for (JsonNode suggestion : orientInCarhaix().get("suggestions")) {
            if (suggestion.get("scheme").asString().equals(slug)) {
                return suggestion;
            }
        }
        throw new AssertionError(slug + " not suggested");
    }

    @Test
    void aCoordinatorAddsASchemeThatTheEngineFindsAtOnce() {
        Session coordinator = new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email());
        String word = TestUsers.letters(8);
        Map<String, String> form = scheme("Changer d’échelle " + word);
        form.put("poles", "adess-centre-bretagne");
        HttpResponse<String> created = coordinator.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String slug = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/espace/dispositifs/([^?]+).*", "$1");

        assertThat(jdbc.sql("select coverage_departements[1] || '/' || capacity_per_year || '/' || kind from offer.scheme where slug = :slug")
                .param("slug", slug).query(String.class).single()).isEqualTo("29/6/ACCOMPAGNEMENT");
        assertThat(jdbc.sql("select count(*) from platform.audit_log where subject_type = 'SCHEME' and subject_id = :slug")
                .param("slug", slug).query(Long.class).single()).isEqualTo(1);
        assertThat(coordinator.get("/espace/dispositifs").body()).contains("Changer d’échelle " + word);
        JsonNode found = suggestion(slug);
        assertThat(found.get("fits").asBoolean()).isTrue();
        assertThat(found.get("reasons").findValuesAsString("code")).contains("STAGE_COVERED", "NEED_ADDRESSED", "LOCAL_SCHEME");

        // and the data·inclusion export gives its territory as COG codes: the département, the pôle's EPCI
        JsonNode service = null;
        for (JsonNode each : json.readTree(new org.maillage.support.Http(port).get("/api/v1/data-inclusion/services").body())) {
            if (each.get("id").asString().equals(slug)) {
                service = each;
            }
        }
        assertThat(service).isNotNull();
        assertThat(service.get("type").asString()).isEqualTo("accompagnement");
        assertThat(service.get("date_maj").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
        java.util.List<String> zone = new java.util.ArrayList<>();
        service.get("zone_eligibilite").forEach(code -> zone.add(code.asString()));
        assertThat(zone).contains("29").containsAll(poles.findBySlug("adess-centre-bretagne").orElseThrow().epcis().stream()
                .map(e -> e.epci().code()).toList());
        assertThat(service.get("thematiques").get(0).asString()).isEqualTo("creer-une-entreprise--developper-son-entreprise");
    }

    @Test
    void badInputIsRefusedNextToEachFieldAndNothingTypedIsLost() {
        Session coordinator = new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email());
        long before = jdbc.sql("select count(*) from offer.scheme").query(Long.class).single();
        Map<String, String> form = scheme("Un nom choisi");
        form.put("capacityPerYear", "beaucoup");
        form.put("description", "Un texte pour les porteurs");
        HttpResponse<String> letters = coordinator.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", form);
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("Saisissez un nombre entier de projets, par exemple 12.", "beaucoup",
                "Un nom choisi", "Un texte pour les porteurs", "<title>Erreur : Nouveau dispositif — Maillage</title>");
        form = scheme("");
        form.remove("departements");
        form.put("website", "www.civam.example");
        form.put("description", "Un texte pour les porteurs");
        HttpResponse<String> refused = coordinator.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Indiquez le nom du dispositif.",
                "Saisissez une adresse qui commence par https:// ou http://.",
                "Choisissez où le dispositif est ouvert", "Un texte pour les porteurs", "www.civam.example");
        Map<String, String> elsewhere = scheme("Ailleurs");
        elsewhere.put("departements", "44");
        elsewhere.put("epcis", "200067981, 123456789");
        HttpResponse<String> outside = coordinator.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", elsewhere);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("Ces départements ne sont pas dans la région de l’opérateur.",
                "Ces codes ne sont pas des EPCI de la région de l’opérateur : 123456789.");
        assertThat(jdbc.sql("select count(*) from offer.scheme").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void thePartnerOfTheOperatorEditsItAndItsSessions() {
        String slug = create(new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email()),
                "Réseau rural " + TestUsers.letters(8));
        Session partner = new Session(port).signedIn(users.staff(Role.PARTENAIRE, "civam-bretagne").email());
        assertThat(partner.get("/espace/dispositifs").body()).contains("/espace/dispositifs/" + slug)
                .doesNotContain("tag-bzh-29");
        HttpResponse<String> editPage = partner.get("/espace/dispositifs/" + slug);
        assertThat(editPage.statusCode()).as(editPage.body()).isEqualTo(200);
        assertThat(editPage.body()).contains("Ajouter une session ou un appel").doesNotContain("??");

        Map<String, String> changed = scheme("Réseau rural renommé");
        changed.put("collectiveOnly", "true");
        HttpResponse<String> saved = partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug, changed);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("select name || '/' || collective_only from offer.scheme where slug = :slug").param("slug", slug)
                .query(String.class).single()).isEqualTo("Réseau rural renommé/true");
        assertThat(suggestion(slug).get("blockers").findValuesAsString("code")).containsExactly("COLLECTIVE_ONLY");

        changed.remove("collectiveOnly");
        partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug, changed);
        String startsOn = LocalDate.now().plusMonths(2).toString();
        HttpResponse<String> full = partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug + "/sessions",
                Map.of("startsOn", startsOn, "place", "Carhaix", "placesLeft", "0", "applyBy", LocalDate.now().plusMonths(1).toString()));
        assertThat(full.statusCode()).isEqualTo(302);
        assertThat(suggestion(slug).get("blockers").findValuesAsString("code")).containsExactly("NO_PLACES");

        HttpResponse<String> late = partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug + "/sessions",
                Map.of("startsOn", startsOn, "placesLeft", "3", "applyBy", LocalDate.now().plusMonths(3).toString()));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("La date limite de candidature doit précéder le début de la session.");

        HttpResponse<String> letters = partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug + "/sessions",
                Map.of("startsOn", "bientôt", "place", "Morlaix", "placesLeft", "huit"));
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("Saisissez une date valide, par exemple 15/03/2027.",
                "Saisissez un nombre entier de places, par exemple 8.", "Morlaix");

        long session = jdbc.sql("select id from offer.scheme_session where scheme_slug = :slug").param("slug", slug)
                .query(Long.class).single();
        assertThat(partner.submit("/espace/dispositifs/" + slug, "/espace/dispositifs/" + slug + "/sessions/" + session + "/supprimer",
                Map.of()).statusCode()).isEqualTo(302);
        assertThat(suggestion(slug).get("fits").asBoolean()).isTrue();
    }

    @Test
    void nobodyElseMaintainsIt() {
        String slug = create(new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email()),
                "Réservé " + TestUsers.letters(8));
        String name = jdbc.sql("select name from offer.scheme where slug = :slug").param("slug", slug).query(String.class).single();
        Session otherPartner = new Session(port).signedIn(users.staff(Role.PARTENAIRE, "kejal").email());
        assertThat(otherPartner.get("/espace/dispositifs/" + slug).statusCode()).isEqualTo(403);
        assertThat(otherPartner.get("/espace/dispositifs").body()).doesNotContain(slug);
        String token = otherPartner.csrfToken("/espace/dispositifs").orElseThrow();
        Map<String, String> hijack = scheme("Détourné");
        hijack.put("_csrf", token);
        assertThat(otherPartner.post("/espace/dispositifs/" + slug, hijack).statusCode()).isEqualTo(403);
        assertThat(otherPartner.post("/espace/dispositifs/" + slug + "/sessions",
                Map.of("_csrf", token, "startsOn", "2030-01-01")).statusCode()).isEqualTo(403);
        Map<String, String> ownOperatorOnly = scheme("Pour un autre");
        ownOperatorOnly.put("_csrf", token);
        HttpResponse<String> notTheirs = otherPartner.post("/espace/dispositifs", ownOperatorOnly);
        assertThat(notTheirs.statusCode()).isEqualTo(400);
        assertThat(notTheirs.body()).contains("Choisissez l’opérateur du dispositif parmi ceux que vous représentez.");

        Session animator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-centre-bretagne").email());
        assertThat(animator.get("/espace/dispositifs").statusCode()).isEqualTo(403);
        assertThat(animator.get("/espace/dispositifs/" + slug).statusCode()).isEqualTo(403);
        Session elsewhere = new Session(port).signedIn(users.staff(Role.COORDINATEUR, "52").email());
        assertThat(elsewhere.get("/espace/dispositifs/" + slug).statusCode()).isEqualTo(403);
        assertThat(new Session(port).get("/espace/dispositifs").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name from offer.scheme where slug = :slug").param("slug", slug).query(String.class).single())
                .isEqualTo(name);
        assertThat(jdbc.sql("select count(*) from offer.scheme_session where scheme_slug = :slug").param("slug", slug)
                .query(Long.class).single()).isZero();
    }
}
