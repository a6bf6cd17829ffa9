package org.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.account.Role;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.Directory.StructureQuery;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** The directory on the real database: French search, facets, SIRET rules, publication and scopes. */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryIT {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    TestUsers users;

    /** A word of this test run, so that searches see this run's structures only. */
    private final String run = "zq" + org.maillage.support.TestUsers.letters(6);
    private User cornouaille;
    private User coordinator;

    private static StructureData data(String name, String siret, StructureFamily family, EssSector sector, String commune,
            String description, boolean published) {
        return new StructureData(name, siret, family, null, sector, null, null, commune, null, null, 3, null, description,
                published);
    }

    @BeforeAll
    void someStructures() {
        cornouaille = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        coordinator = users.staff(Role.COORDINATEUR, "53");
        // Quimper (29232) is covered by ADESS Cornouaille; Rennes (35238) by RÉSO solidaire
        directory.create(cornouaille.current(), data("Les Ressourceries de Cornouaille " + run, null, StructureFamily.ASSOCIATION,
                EssSector.ENVIRONNEMENT, "29232", "Réemploi et réduction des déchets " + run, true));
        directory.create(coordinator.current(), data("Théâtre coopératif " + run, SiretTest.valid("8" + randomDigits(12)),
                StructureFamily.SCIC, EssSector.CULTURE, "35238", "Éducation populaire et spectacle vivant " + run, true));
        directory.create(coordinator.current(), data("Épicerie solidaire " + run, null, StructureFamily.ASSOCIATION,
                EssSector.COMMERCE, "35238", "Une épicerie pour tous " + run, true));
        directory.create(cornouaille.current(), data("Projet pas encore public " + run, null, StructureFamily.ASSOCIATION,
                EssSector.ENVIRONNEMENT, "29232", "ressourcerie " + run, false));
    }

    private static String randomDigits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append((int) (Math.random() * 10));
        }
        return digits.toString();
    }

    private Directory.StructurePage search(String text) {
        return directory.search(new StructureQuery(text + " " + run, null, null, null, null, 0, 20));
    }

    @Test
    void frenchSearchFindsPluralsAndWordsWithoutTheirAccents() {
        assertThat(search("ressourcerie").rows()).extracting(Directory.StructureView::name)
                .containsExactly("Les Ressourceries de Cornouaille " + run);
        assertThat(search("education").rows()).extracting(Directory.StructureView::name)
                .containsExactly("Théâtre coopératif " + run);
        assertThat(search("epiceries").rows()).extracting(Directory.StructureView::name)
                .containsExactly("Épicerie solidaire " + run);
        assertThat(search("theatre").rows()).hasSize(1);
    }

    @Test
    void facetsCountTheMatchesAndFilter() {
        Directory.StructurePage all = directory.search(new StructureQuery(run, null, null, null, null, 0, 20));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facets().get("departement")).containsEntry("35", 2L).containsEntry("29", 1L);
        assertThat(all.facets().get("pole")).containsEntry("adess-cornouaille", 1L);
        Directory.StructurePage in35 = directory.search(new StructureQuery(run, null, null, null, "35", 0, 20));
        assertThat(in35.total()).isEqualTo(2);
        // the chosen facet keeps counting the other values, so one can switch
        assertThat(in35.facets().get("departement")).containsEntry("29", 1L);
        assertThat(in35.facets().get("family")).containsEntry("SCIC", 1L).containsEntry("ASSOCIATION", 1L);
        assertThat(directory.search(new StructureQuery(run, StructureFamily.SCIC, null, null, null, 0, 20)).total()).isEqualTo(1);
        // no words: every published structure, by name
        Directory.StructurePage everything = directory.search(new StructureQuery(null, null, null, null, "29", 0, 500));
        assertThat(everything.rows()).extracting(Directory.StructureView::name)
                .isSortedAccordingTo(java.util.Comparator.comparing(name -> org.maillage.platform.Slugs.of(name, 300, "")));
        assertThat(everything.total()).isGreaterThanOrEqualTo(everything.rows().size());
        // (other tests fill Quimper with imported structures: narrow down to find this one)
        assertThat(directory.search(new StructureQuery(null, StructureFamily.ASSOCIATION, EssSector.ENVIRONNEMENT, null, "29", 0, 500))
                .rows()).extracting(Directory.StructureView::name).contains("Les Ressourceries de Cornouaille " + run);
    }

    @Test
    void browsingCountsAreKeptButAChangeMadeHereShowsAtOnce() {
        StructureQuery inMorbihan = new StructureQuery(null, null, null, null, "56", 0, 1);
        long before = directory.search(inMorbihan).total();
        directory.create(coordinator.current(), data("Atelier vélo " + UUID.randomUUID(), null, StructureFamily.ASSOCIATION,
                EssSector.SERVICES, "56260", "Réparation", true));
        Directory.StructurePage after = directory.search(inMorbihan);
        assertThat(after.total()).isEqualTo(before + 1);
        assertThat(after.facets().get("departement")).containsEntry("56", before + 1);
    }

    @Test
    void searchesAreKeptButAChangeMadeHereShowsAtOnce() {
        String word = "Conserverie" + UUID.randomUUID().toString().substring(0, 8);
        StructureQuery query = new StructureQuery(word, null, null, null, null, 0, 20);
        assertThat(directory.search(query).total()).isZero(); // kept for a minute...
        directory.create(coordinator.current(), data(word + " solidaire", null, StructureFamily.ASSOCIATION,
                EssSector.AGRICULTURE, "56260", "Légumes en bocaux", true));
        Directory.StructurePage after = directory.search(query); // ...but a change made on this node drops it
        assertThat(after.total()).isEqualTo(1);
        assertThat(after.rows()).extracting(Directory.StructureView::name).containsExactly(word + " solidaire");
    }

    @Test
    void theClosestNameComesFirstAmongEqualMatches() {
        String word = "zr" + org.maillage.support.TestUsers.letters(6);
        directory.create(coordinator.current(), data("Recyclerie du pays de Brocéliande " + word, null,
                StructureFamily.ASSOCIATION, EssSector.ENVIRONNEMENT, "35238", "", true));
        directory.create(coordinator.current(), data("Recyclerie " + word, null, StructureFamily.ASSOCIATION,
                EssSector.ENVIRONNEMENT, "35238", "", true));
        assertThat(directory.search(new StructureQuery("recyclerie " + word, null, null, null, null, 0, 20)).rows())
                .extracting(Directory.StructureView::name)
                .containsExactly("Recyclerie " + word, "Recyclerie du pays de Brocéliande " + word);
    }

    @Test
    void anUnpublishedListingIsNeitherFoundNorShown() {
        assertThat(search("pas encore public").rows()).isEmpty();
        Session visitor = new Session(port);
        assertThat(visitor.get("/annuaire?q=" + run).body()).doesNotContain("Projet pas encore public");
    }

    @Test
    void siretRulesAndUnknownCommunesAreRefused() {
        assertThatThrownBy(() -> directory.create(coordinator.current(), data("SCOP sans SIRET", "", StructureFamily.SCOP,
                EssSector.SERVICES, "35238", "", true))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("structure.siret.required");
        assertThatThrownBy(() -> directory.create(coordinator.current(), data("SCOP", "73282932000075", StructureFamily.SCOP,
                EssSector.SERVICES, "35238", "", true))).hasMessageContaining("structure.siret.invalid");
        String siret = SiretTest.valid("7" + randomDigits(12));
        directory.create(coordinator.current(), data("SCOP une " + run, siret, StructureFamily.SCOP, EssSector.SERVICES,
                "35238", "", false));
        assertThatThrownBy(() -> directory.create(coordinator.current(), data("SCOP deux", siret.substring(0, 3) + " "
                + siret.substring(3), StructureFamily.SCOP, EssSector.SERVICES, "35238", "", true)))
                .hasMessageContaining("structure.siret.taken");
        assertThatThrownBy(() -> directory.create(coordinator.current(), data("Nulle part", null, StructureFamily.ASSOCIATION,
                EssSector.SERVICES, "99999", "", true))).hasMessageContaining("structure.commune.unknown");
    }

    @Test
    void anAnimatorManagesTheStructuresOfTheirPolesTerritoryOnly() {
        User rennes = users.staff(Role.ANIMATEUR, "reso-solidaire");
        assertThatThrownBy(() -> directory.create(rennes.current(), data("Ailleurs", null, StructureFamily.ASSOCIATION,
                EssSector.SERVICES, "29232", "", true))).isInstanceOf(AccessDeniedException.class);
        String slug = search("ressourcerie").rows().get(0).slug();
        Session session = new Session(port).signedIn(rennes.email());
        assertThat(session.get("/espace/structures/" + slug + "/modifier").statusCode()).isEqualTo(403);
        Map<String, String> form = new HashMap<>(Map.of("name", "Détournée", "family", "ASSOCIATION", "sector", "SERVICES",
                "communeCode", "29232", "published", "true"));
        assertThat(session.submit("/espace", "/espace/structures/" + slug + "/modifier", form).statusCode()).isEqualTo(403);
        assertThat(directory.findPublished(slug).orElseThrow().name()).startsWith("Les Ressourceries");
        Session funder = new Session(port).signedIn(users.staff(Role.FINANCEUR, "29").email());
        assertThat(funder.get("/espace/structures/" + slug + "/modifier").statusCode()).isEqualTo(403);
        assertThat(new Session(port).get("/espace/structures/nouvelle").statusCode()).isEqualTo(302);
    }

    @Test
    void aBadSiretComesBackInFrenchNextToTheFieldWithTheRestKept() {
        Session session = new Session(port).signedIn(cornouaille.email());
        Map<String, String> form = new HashMap<>(Map.of("name", "Coop des Glazik " + run, "siret", "732 829 320 00075",
                "family", "SCOP", "sector", "SERVICES", "communeCode", "29232", "published", "true",
                "description", "Services aux habitants"));
        HttpResponse<String> answer = session.submit("/espace/structures/nouvelle", "/espace/structures/nouvelle", form);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"siret-error\"").contains("Ce SIRET n’est pas valide")
                .contains("value=\"Coop des Glazik " + run + "\"").contains("Services aux habitants");
        form.put("siret", SiretTest.valid("5" + randomDigits(12)));
        HttpResponse<String> saved = session.submit("/espace/structures/nouvelle", "/espace/structures/nouvelle", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/annuaire/coop-des-glazik"));
    }

    @Test
    void theDirectoryIsOpenDataThroughTheApiCsvAndGeoJson() {
        directory.create(coordinator.current(), new StructureData("Coopérative \"Le Lien\"; Brest " + run, null,
                StructureFamily.ASSOCIATION, "9220", EssSector.SERVICES, "88.99B", "1 quai Est", "29019", 48.39, -4.49, 12,
                "https://lelien.example.org", "=HYPERLINK(\"http://evil\") " + run, true));
        Session visitor = new Session(port);

        HttpResponse<String> api = visitor.get("/api/v1/structures?q=lien+" + run + "&departement=29");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"total\":1").contains("\"communeCode\":\"29019\"").contains("\"commune\":\"Brest\"")
                .contains("\"facets\"");
        assertThat(visitor.get("/api/v1/structures?family=PAS_UNE_FAMILLE").statusCode()).isEqualTo(400);
        assertThat(visitor.get("/api/v1/structures/nexiste-pas").statusCode()).isEqualTo(404);

        HttpResponse<String> csv = visitor.get("/annuaire/export.csv?departement=29");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFFnom;siret;famille;categorie_juridique;secteur;code_naf;adresse;code_commune;commune;"
                + "latitude;longitude;salaries;site_web;presentation;pole\r\n");
        String line = csv.body().lines().filter(l -> l.contains("Le Lien")).findFirst().orElseThrow();
        assertThat(line).isEqualTo("\"Coopérative \"\"Le Lien\"\"; Brest " + run + "\";;ASSOCIATION;9220;SERVICES;88.99B;1 quai Est;"
                + "29019;Brest;48.39;-4.49;12;https://lelien.example.org;\"'=HYPERLINK(\"\"http://evil\"\") " + run + "\";"
                + line.substring(line.lastIndexOf(';') + 1));
        assertThat(csv.body()).doesNotContain("Projet pas encore public");

        HttpResponse<String> geojson = visitor.get("/annuaire/export.geojson?departement=29");
        assertThat(geojson.body()).startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"coordinates\":[-4.49,48.39]").doesNotContain("Les Ressourceries de Cornouaille " + run);
    }

    @Test
    void membershipsAreKeptByThePolesAnimatorsAndShownWithoutTheirFee() {
        String slug = search("ressourcerie").rows().get(0).slug();
        Session animator = new Session(port).signedIn(cornouaille.email());
        HttpResponse<String> saved = animator.submit("/espace/structures/" + slug + "/modifier",
                "/espace/structures/" + slug + "/adhesions",
                Map.of("poleSlug", "adess-cornouaille", "year", "2026", "fee", "50", "status", "MEMBER"));
        assertThat(saved.statusCode()).isEqualTo(302);
        // the same year again replaces it
        animator.submit("/espace/structures/" + slug + "/modifier", "/espace/structures/" + slug + "/adhesions",
                Map.of("poleSlug", "adess-cornouaille", "year", "2026", "fee", "60", "status", "MEMBER"));
        assertThat(directory.memberships(slug)).singleElement().satisfies(m -> {
            assertThat(m.fee()).isEqualByComparingTo("60");
            assertThat(m.poleName()).isEqualTo("ADESS Cornouaille");
        });
        String page = new Session(port).get("/annuaire/" + slug).body();
        assertThat(page).contains("Adhérente de").contains("ADESS Cornouaille (2026)").doesNotContain("60,00").doesNotContain("Cotisation");
        assertThat(animator.get("/espace/structures/" + slug + "/modifier").body()).contains("60,00 €");

        // another pôle's animator cannot record a membership of ADESS Cornouaille
        User rennes = users.staff(Role.ANIMATEUR, "reso-solidaire");
        assertThatThrownBy(() -> directory.recordMembership(rennes.current(), slug,
                new Directory.Membership(0, "adess-cornouaille", null, 2027, null, MembershipStatus.PENDING)))
                .isInstanceOf(AccessDeniedException.class);
        HttpResponse<String> bad = animator.submit("/espace/structures/" + slug + "/modifier",
                "/espace/structures/" + slug + "/adhesions",
                Map.of("poleSlug", "adess-cornouaille", "year", "deux mille", "fee", "", "status", "MEMBER"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"year-error\"");
        assertThat(directory.memberships(slug)).hasSize(1);
    }

    @Test
    void aPolesMembersPageShowsItsPublishedMembersWithTheirSectorsAndEmployees() {
        String word = "zm" + org.maillage.support.TestUsers.letters(6);
        String atelier = directory.create(cornouaille.current(), data("Atelier partagé " + word, null,
                StructureFamily.ASSOCIATION, EssSector.CULTURE, "29232", "", true));
        String recyclerie = directory.create(cornouaille.current(), data("Recyclerie " + word, null,
                StructureFamily.ASSOCIATION, EssSector.ENVIRONNEMENT, "29232", "", true));
        String hidden = directory.create(cornouaille.current(), data("Cachée " + word, null, StructureFamily.ASSOCIATION,
                EssSector.CULTURE, "29232", "", false));
        String pending = directory.create(cornouaille.current(), data("En attente " + word, null, StructureFamily.ASSOCIATION,
                EssSector.CULTURE, "29232", "", true));
        for (String slug : java.util.List.of(atelier, recyclerie, hidden)) {
            directory.recordMembership(cornouaille.current(), slug,
                    new Directory.Membership(0, "adess-cornouaille", null, 2031, null, MembershipStatus.MEMBER));
        }
        directory.recordMembership(cornouaille.current(), pending,
                new Directory.Membership(0, "adess-cornouaille", null, 2031, null, MembershipStatus.PENDING));

        Directory.PoleMembers members = directory.poleMembers("adess-cornouaille", 2031);
        assertThat(members.members()).extracting(Directory.StructureView::slug).containsExactly(atelier, recyclerie);
        assertThat(members.employees()).isEqualTo(6);
        assertThat(members.bySector()).containsEntry(EssSector.CULTURE, new Directory.SectorTotal(1, 3))
                .containsEntry(EssSector.ENVIRONNEMENT, new Directory.SectorTotal(1, 3));
        String page = new Session(port).get("/poles/adess-cornouaille/membres?annee=2031").body();
        assertThat(page).contains("Les membres de ADESS Cornouaille en 2031").contains("Atelier partag").contains("Recyclerie " + word)
                .doesNotContain("Cachée " + word).doesNotContain("En attente " + word).contains("Environnement");
        assertThat(new Session(port).get("/poles/adess-cornouaille").body()).contains("/poles/adess-cornouaille/membres");
        assertThat(new Session(port).get("/poles/pas-un-pole/membres").statusCode()).isEqualTo(404);
    }
}
