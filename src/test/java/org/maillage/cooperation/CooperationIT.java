package org.maillage.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.account.Role;
import org.maillage.cooperation.Exchanges.NewListing;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.MembershipStatus;
import org.maillage.directory.StructureFamily;
import org.maillage.journey.JourneyFixtures;
import org.maillage.journey.Journeys;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Cooperation over HTTP and through its API on the real database: offers and needs with the counterparts
 * matching suggests (the pôle first, then nearby, never far), a match and the business it led to; pooling
 * with hours split; collective projects with steps, documents and schemes; territorial needs and ideas
 * linked to a porteur. Funders, partners and another region's structures are refused.
 */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperationIT {

    private static final String MORLAIX_POLE = "adess-pays-de-morlaix";
    private static final String MORLAIX = "29151";
    private static final String SAINT_MARTIN = "29254";   // Pays de Morlaix, next to Morlaix
    private static final String PLESTIN = "22194";        // Trégor, ~17 km from Morlaix
    private static final String BREST = "29019";          // Pays de Brest, ~53 km from Morlaix
    private static final String NANTES = "44049";         // Le Croisic, another region

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Exchanges exchanges;

    @Autowired
    Poolings poolings;

    @Autowired
    CollectiveProjects projects;

    @Autowired
    TerritorialIdeas ideas;

    @Autowired
    Journeys journeys;

    @Autowired
    CooperationStatistics statistics;

    @Autowired
    org.maillage.account.AccountAdministration administration;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private final String run = TestUsers.letters(6);
    private User coordinator;
    private User animator;
    private String epicerie;     // Morlaix: needs a caterer
    private String traiteur;     // Saint-Martin-des-Champs: same pôle
    private String tregor;       // Plestin: another pôle, nearby
    private String brest;        // Brest: far
    private String locaux;       // Morlaix: premises (another category)
    private String notMember;    // Morlaix, no membership
    private User epicerieUser;
    private User traiteurUser;
    private User tregorUser;
    private User nantesUser;

    @BeforeAll
    void structuresOfThePaysDeMorlaixAndAround() {
        coordinator = users.staff(Role.COORDINATEUR, "53");
        animator = users.staff(Role.ANIMATEUR, MORLAIX_POLE);
        epicerie = member("Épicerie solidaire " + run, MORLAIX);
        traiteur = member("Traiteur bio d'insertion " + run, SAINT_MARTIN);
        tregor = member("Cuisine du Trégor " + run, PLESTIN);
        brest = member("Restaurant associatif de Brest " + run, BREST);
        locaux = member("Maison des associations " + run, MORLAIX);
        notMember = directory.create(coordinator.current(), structure("Atelier vélo " + run, MORLAIX));
        epicerieUser = users.staff(Role.STRUCTURE, epicerie);
        traiteurUser = users.staff(Role.STRUCTURE, traiteur);
        tregorUser = users.staff(Role.STRUCTURE, tregor);
        User paysDeLaLoire = users.staff(Role.COORDINATEUR, "52");
        String nantes = directory.create(paysDeLaLoire.current(), structure("Coopérative du Croisic " + run, NANTES));
        nantesUser = users.staff(Role.STRUCTURE, nantes);
    }

    private String member(String name, String commune) {
        String slug = directory.create(coordinator.current(), structure(name, commune));
        String pole = directory.findForEditing(coordinator.current(), slug).poleSlug();
        directory.recordMembership(coordinator.current(), slug, new Directory.Membership(0, pole, null,
                Year.now(ZoneId.of("Europe/Paris")).getValue(), null, MembershipStatus.MEMBER));
        return slug;
    }

    private static StructureData structure(String name, String commune) {
        return new StructureData(name, null, StructureFamily.ASSOCIATION, null, EssSector.ENVIRONNEMENT, null, null, commune,
                null, null, 4, null, "", true);
    }

    private long offer(String structure, ListingCategory category, String title) {
        return exchanges.publish(coordinator.current(), new NewListing(structure, ListingKind.OFFER, category, title, "",
                null, LocalDate.now(), null, "Contact " + structure, TestUsers.uniqueEmail("offre")));
    }

    private static Map<String, String> listingFields(String structure, String kind, String category, String title,
            String from, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("structure", structure);
        fields.put("kind", kind);
        fields.put("category", category);
        fields.put("title", title);
        fields.put("description", "Pour notre assemblée générale de juin, une centaine de personnes.");
        fields.put("commune", "");
        fields.put("availableFrom", from);
        fields.put("availableUntil", "");
        fields.put("contactName", "Anne Le Gall");
        fields.put("contactEmail", email);
        return fields;
    }

    private long listings(String structure) {
        return jdbc.sql("select count(*) from cooperation.listing where structure_slug = :s").param("s", structure)
                .query(Long.class).single();
    }

    @Test
    void aNeedIsAnsweredInThePoleThenNearbyAndTheMatchRecordsItsBusiness() {
        String contactOfTraiteur = TestUsers.uniqueEmail("traiteur");
        long traiteurOffer = exchanges.publish(traiteurUser.current(), new NewListing(traiteur, ListingKind.OFFER,
                ListingCategory.SERVICES, "Traiteur bio pour vos événements " + run, "Repas bio et locaux", null,
                LocalDate.now(), null, "Yann", contactOfTraiteur));
        long tregorOffer = offer(tregor, ListingCategory.GOODS, "Plats cuisinés bio " + run);
        long brestOffer = offer(brest, ListingCategory.SERVICES, "Traiteur bio à Brest " + run);
        long premises = offer(locaux, ListingCategory.PREMISES, "Salle de réception " + run);

        Session person = new Session(port).signedIn(epicerieUser.email());
        String form = "/espace/cooperation/annonces/nouvelle?kind=NEED";
        assertThat(person.get(form).body()).contains("Publier une offre ou un besoin");
        // bad input: no title, a date that is not one; what was typed stays, nothing is saved
        HttpResponse<String> bad = person.submit(form, "/espace/cooperation/annonces/nouvelle",
                listingFields(epicerie, "NEED", "SERVICES", "", "31/02/2027", "anne@exemple.fr"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Donnez un titre", "Donnez la date à partir de laquelle", "anne@exemple.fr");
        assertThat(listings(epicerie)).isZero();

        Map<String, String> elsewhere = listingFields(epicerie, "NEED", "SERVICES", "Ailleurs " + run,
                LocalDate.now().toString(), "anne@exemple.fr");
        elsewhere.put("commune", "44049");
        assertThat(person.submit(form, "/espace/cooperation/annonces/nouvelle", elsewhere).body())
                .contains("commune-error", "n’est pas dans la région de la structure");
        assertThat(listings(epicerie)).isZero();

        HttpResponse<String> published = person.submit(form, "/espace/cooperation/annonces/nouvelle",
                listingFields(epicerie, "NEED", "SERVICES", "Un traiteur bio pour notre AG " + run,
                        LocalDate.now().toString(), TestUsers.uniqueEmail("epicerie")));
        assertThat(published.statusCode()).isEqualTo(302);
        String page = published.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        long need = Long.parseLong(page.replaceAll("\\D*(\\d+).*", "$1"));

        String suggestions = person.get(page).body();
        assertThat(suggestions).contains("Votre annonce est publiée", "Traiteur bio pour vos événements " + run,
                "Plats cuisinés bio " + run).doesNotContain("Traiteur bio à Brest " + run, "Salle de réception " + run);
        assertThat(suggestions.indexOf("Traiteur bio pour vos événements " + run))
                .as("the same pôle first").isLessThan(suggestions.indexOf("Plats cuisinés bio " + run));
        assertThat(exchanges.suggestions(epicerieUser.current(), need)).extracting(s -> s.counterpart().id())
                .containsExactly(traiteurOffer, tregorOffer).doesNotContain(brestOffer, premises);

        HttpResponse<String> touch = person.submit(page, "/espace/cooperation/annonces/" + need + "/mise-en-relation",
                Map.of("counterpart", Long.toString(traiteurOffer)));
        assertThat(touch.statusCode()).isEqualTo(302);
        String mail = TestMail.body(TestMail.await(contactOfTraiteur, "vous propose une mise en relation", 1).get(0));
        assertThat(mail).contains("Un traiteur bio pour notre AG " + run, "Anne Le Gall");
        long match = jdbc.sql("select id from cooperation.match where need_id = :n and offer_id = :o").param("n", need)
                .param("o", traiteurOffer).query(Long.class).single();
        String edit = person.get("/espace/cooperation/annonces/" + need + "/modifier").body();
        assertThat(edit).contains("Modifier l’annonce", "value=\"Morlaix\"").doesNotContain("Une offre : ce que la structure propose");
        // a need stays a need once published
        assertThatThrownBy(() -> exchanges.update(epicerieUser.current(), need, new NewListing(epicerie, ListingKind.OFFER,
                ListingCategory.SERVICES, "Devenu une offre", "", null, LocalDate.now(), null, "Anne", "anne@exemple.fr")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("cooperation.listing.kind.fixed");
        assertThat(person.get("/espace/cooperation?page=200000000").statusCode()).isEqualTo(200);
        // the same two again: the same match, no second email
        assertThat(exchanges.putInTouch(epicerieUser.current(), need, traiteurOffer)).isEqualTo(match);

        // another structure of the network may neither record its outcome nor withdraw the need
        assertThatThrownBy(() -> exchanges.recordOutcome(tregorUser.current(), match, MatchOutcome.BUSINESS,
                BigDecimal.TEN, "")).isInstanceOf(AccessDeniedException.class);
        assertThat(new Session(port).signedIn(tregorUser.email())
                .submit(page, "/espace/cooperation/annonces/" + need + "/retrait", Map.of()).statusCode()).isEqualTo(403);

        // the offering structure records the business, an amount forgotten first
        Session offering = new Session(port).signedIn(traiteurUser.email());
        String matches = "/espace/cooperation/mises-en-relation";
        assertThat(offering.get(matches).body()).contains("Un traiteur bio pour notre AG " + run);
        HttpResponse<String> noAmount = offering.submit(matches, matches + "/" + match,
                Map.of("outcome", "BUSINESS", "amount", "", "note", "Marché du repas de l'AG"));
        assertThat(noAmount.body()).contains("Donnez le montant de l’affaire", "Marché du repas de l&#39;AG");
        assertThat(outcome(match)).isEqualTo("PENDING");
        HttpResponse<String> recorded = offering.submit(matches, matches + "/" + match,
                Map.of("outcome", "BUSINESS", "amount", "35 000", "note", "Marché du repas de l'AG"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(outcome(match)).isEqualTo("BUSINESS");
        assertThat(jdbc.sql("select amount from cooperation.match where id = :id").param("id", match)
                .query(BigDecimal.class).single()).isEqualByComparingTo("35000");
        assertThat(offering.get(matches).body()).contains("35 000 €");

        // the observatory counts it for the pôle of the need, and the pôle's animator sees it in the dashboard
        int year = Year.now(ZoneId.of("Europe/Paris")).getValue();
        assertThat(statistics.matches(new org.maillage.platform.StatsScope("53", java.util.Set.of(MORLAIX_POLE), null,
                java.util.Set.of(), year, year, false))).singleElement().satisfies(tally -> {
                    assertThat(tally.key()).isEqualTo("BUSINESS");
                    assertThat(tally.count()).isEqualTo(1);
                    assertThat(tally.sum()).isEqualTo(35000.0);
                });
        assertThat(new Session(port).signedIn(animator.email())
                .get("/espace/observatoire?territoire=POLE:" + MORLAIX_POLE + "&annee=" + year).body())
                .contains("Mises en relation entre structures et affaires conclues", "35 000");
    }

    private String outcome(long match) {
        return jdbc.sql("select outcome from cooperation.match where id = :id").param("id", match).query(String.class).single();
    }

    @Test
    void onlyMemberStructuresPublishAndOnlyTheRegionsNetworkReads() {
        assertThatThrownBy(() -> exchanges.publish(animator.current(), new NewListing(notMember, ListingKind.OFFER,
                ListingCategory.SKILLS, "Réparation de vélos", "", null, LocalDate.now(), null, "Paul",
                "paul@exemple.fr"))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("cooperation.listing.notMember");
        // a structure acts for itself only
        assertThatThrownBy(() -> exchanges.publish(tregorUser.current(), new NewListing(epicerie, ListingKind.OFFER,
                ListingCategory.SKILLS, "Au nom d'une autre", "", null, LocalDate.now(), null, "Paul",
                "paul@exemple.fr"))).isInstanceOf(AccessDeniedException.class);
        long offer = offer(locaux, ListingCategory.EQUIPMENT, "Vidéoprojecteur à prêter " + run);

        String listing = "/espace/cooperation/annonces/" + offer;
        assertThat(new Session(port).signedIn(tregorUser.email()).get(listing).body()).contains("Vidéoprojecteur");
        assertThat(new Session(port).signedIn(animator.email()).get("/espace/cooperation").body())
                .contains("Vidéoprojecteur à prêter " + run);
        for (User outsider : List.of(users.staff(Role.FINANCEUR, "53"), users.staff(Role.PARTENAIRE, "tag-bzh-29"))) {
            Session session = new Session(port).signedIn(outsider.email());
            for (String path : List.of(listing, "/espace/cooperation", "/espace/cooperation/mises-en-relation",
                    "/espace/cooperation/mutualisations", "/espace/cooperation/projets", "/espace/cooperation/idees")) {
                assertThat(session.get(path).statusCode()).as(outsider.email() + " " + path).isEqualTo(403);
            }
        }
        HttpResponse<String> api = new Session(port).signedIn(users.staff(Role.FINANCEUR, "53").email())
                .get("/api/v1/cooperation/listings/" + offer, "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        Session network = new Session(port).signedIn(tregorUser.email());
        assertThat(network.get("/api/v1/cooperation/listings?kind=OFFER&category=EQUIPMENT", "Accept", "application/json")
                .body()).contains("Vidéoprojecteur à prêter " + run);
        HttpResponse<String> unknownKind = network.get("/api/v1/cooperation/listings?kind=GIFT", "Accept", "application/json");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");

        // a structure of another region reads its own region's network, not Brittany's
        Session elsewhere = new Session(port).signedIn(nantesUser.email());
        assertThat(elsewhere.get(listing).statusCode()).isEqualTo(403);
        HttpResponse<String> board = elsewhere.get("/espace/cooperation");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).doesNotContain("Vidéoprojecteur");
        assertThat(new Session(port).get(listing).statusCode()).as("a visitor is sent to sign in").isEqualTo(302);

        // withdrawn: out of the board, its contact erased
        exchanges.withdraw(animator.current(), offer);
        assertThat(jdbc.sql("select contact_email from cooperation.listing where id = :id").param("id", offer)
                .query(String.class).single()).isEmpty();
        assertThat(new Session(port).signedIn(tregorUser.email()).get("/espace/cooperation").body())
                .doesNotContain("Vidéoprojecteur à prêter " + run);
    }

    @Test
    void aSharedJobsHoursAreSplitWithinItsWorkingTime() {
        long job = poolings.create(animator.current(), new Poolings.NewPooling(MORLAIX_POLE, PoolingKind.SHARED_JOB,
                "Comptable partagée " + run, "", MORLAIX, new BigDecimal("35"), LocalDate.now(), null));
        String page = "/espace/cooperation/mutualisations/" + job;
        Session session = new Session(port).signedIn(animator.email());
        assertThat(session.submit(page, page + "/participants", Map.of("structure", epicerie, "weeklyHours", "20",
                "share", "lundi, mardi, mercredi")).statusCode()).isEqualTo(302);
        assertThat(session.submit(page, page + "/participants", Map.of("structure", traiteur, "weeklyHours", "10,5",
                "share", "")).statusCode()).isEqualTo(302);
        HttpResponse<String> over = session.submit(page, page + "/participants", Map.of("structure", locaux,
                "weeklyHours", "5", "share", "vendredi"));
        assertThat(over.body()).contains("Les heures réparties entre les structures (35,5 h) dépasseraient le temps de travail du poste (35 h)",
                "vendredi");
        assertThat(session.submit(page, page + "/participants", Map.of("structure", locaux, "weeklyHours", "0,04",
                "share", "")).body()).contains("avec une décimale au plus");
        assertThat(jdbc.sql("select sum(weekly_hours) from cooperation.pooling_participant where pooling_id = :id")
                .param("id", job).query(BigDecimal.class).single()).isEqualByComparingTo("30.5");
        assertThat(session.get(page).body()).contains("30,5 h réparties sur 35 h par semaine");
        // fewer hours than those split is refused
        assertThatThrownBy(() -> poolings.update(animator.current(), job, new Poolings.NewPooling(MORLAIX_POLE,
                PoolingKind.SHARED_JOB, "Comptable partagée", "", MORLAIX, new BigDecimal("28"), LocalDate.now(), null)))
                .isInstanceOf(RuleViolationException.class);

        assertThat(session.get(page + "/modifier").body()).contains("Modifier la mutualisation", "value=\"35\"", "value=\"Morlaix\"");
        // a participating structure reads it but does not change it
        Session participant = new Session(port).signedIn(epicerieUser.email());
        assertThat(participant.get(page).body()).contains("Comptable partagée " + run, "lundi, mardi, mercredi");
        assertThat(participant.submit(page, page + "/participants", Map.of("structure", epicerie, "weeklyHours", "35"))
                .statusCode()).isEqualTo(403);
        assertThat(participant.get("/espace/cooperation/mutualisations/nouvelle").statusCode()).isEqualTo(403);
    }

    @Test
    void twoPeopleSplittingTheLastHoursAtOnceNeverGoBeyondTheJob() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long job = poolings.create(animator.current(), new Poolings.NewPooling(MORLAIX_POLE,
                        PoolingKind.SHARED_JOB, "Animatrice partagée " + run + " " + round, "", null, new BigDecimal("10"),
                        LocalDate.now(), null));
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
                for (String structure : List.of(epicerie, traiteur)) {
                    results.add(threads.submit(() -> {
                        start.await();
                        try {
                            poolings.putParticipant(animator.current(), job, structure, new BigDecimal("6"), "");
                            return true;
                        } catch (RuleViolationException refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                long added = 0;
                for (java.util.concurrent.Future<Boolean> result : results) {
                    added += result.get() ? 1 : 0;
                }
                assertThat(added).as("round " + round).isEqualTo(1);
                assertThat(jdbc.sql("select sum(weekly_hours) from cooperation.pooling_participant where pooling_id = :id")
                        .param("id", job).query(BigDecimal.class).single()).isEqualByComparingTo("6");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCollectiveProjectKeepsItsParticipantsStepsDocumentsAndSchemes() {
        String slug = projects.create(epicerieUser.current(), new CollectiveProjects.NewProject(MORLAIX_POLE,
                "Restauration bio collective " + run, "Cuisine centrale pour les cantines", CollectiveProjectKind.TRANSVERSAL,
                CollectiveProjectTheme.RESTAURATION_BIO, epicerie));
        String page = "/espace/cooperation/projets/" + slug;
        Session lead = new Session(port).signedIn(epicerieUser.email());
        assertThat(lead.get("/espace/cooperation/projets/nouveau").body()).contains("Nouveau projet collectif")
                .doesNotContain("Où en est-il");
        assertThat(lead.get(page + "/modifier").body()).contains("Où en est-il", "Restauration bio collective " + run);
        assertThat(lead.submit(page, page + "/participants", Map.of("structure", epicerie)).statusCode()).isEqualTo(302);
        projects.addParticipant(animator.current(), slug, traiteur, false);
        assertThat(lead.submit(page, page + "/etapes", Map.of("title", "", "dueOn", "")).body())
                .contains("Donnez l’étape en quelques mots");
        assertThat(lead.submit(page, page + "/etapes", Map.of("title", "Étude de faisabilité", "dueOn", "30/06/2027"))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> exe = lead.upload(page, page + "/documents", "file", "virus.exe", new byte[] {1, 2, 3});
        assertThat(exe.body()).contains("Ce type de fichier n’est pas accepté");
        assertThat(lead.upload(page, page + "/documents", "file", "compte-rendu.csv",
                "date;présents\n2026-12-01;12\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        String scheme = jdbc.sql("select slug from offer.scheme order by slug limit 1").query(String.class).single();
        assertThat(lead.submit(page, page + "/dispositifs", Map.of("scheme", scheme)).statusCode()).isEqualTo(302);
        projects.update(animator.current(), slug, new CollectiveProjects.NewProject(MORLAIX_POLE,
                "Restauration bio collective " + run, "", CollectiveProjectKind.TRANSVERSAL,
                CollectiveProjectTheme.RESTAURATION_BIO, null), CollectiveProjectStatus.STUDY);

        CollectiveProjects.ProjectView view = projects.find(tregorUser.current(), slug);
        assertThat(view.status()).isEqualTo(CollectiveProjectStatus.STUDY);
        assertThat(view.participants()).extracting(CollectiveProjects.Participant::structureSlug)
                .containsExactly(epicerie, traiteur);
        assertThat(view.steps()).extracting(CollectiveProjects.Step::dueOn).containsExactly(LocalDate.of(2027, 6, 30));
        assertThat(view.schemes()).extracting(CollectiveProjects.SupportingScheme::slug).containsExactly(scheme);
        assertThat(view.manageable()).as("a structure that does not lead it").isFalse();
        long document = view.documents().get(0).id();
        HttpResponse<byte[]> download = new Session(port).signedIn(tregorUser.email())
                .getBytes(page + "/documents/" + document);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("2026-12-01;12");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(new Session(port).signedIn(nantesUser.email()).getBytes(page + "/documents/" + document).statusCode())
                .isEqualTo(403);
        assertThat(new Session(port).signedIn(tregorUser.email()).submit(page, page + "/etapes", Map.of("title", "Intrus"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aTerritorialNeedIsRecordedByAnyoneAndLinkedToAPorteurByThePole() {
        Session person = new Session(port).signedIn(tregorUser.email());
        String form = "/espace/cooperation/idees/nouvelle";
        assertThat(person.get(form).body()).contains("Un besoin du territoire qui n’est pas satisfait");
        HttpResponse<String> bad = person.submit(form, form, Map.of("kind", "TERRITORIAL_NEED",
                "title", "Pas de garage solidaire " + run, "description", "", "commune", "Atlantide"));
        assertThat(bad.body()).contains("Cette commune est inconnue", "Pas de garage solidaire " + run);
        HttpResponse<String> recorded = person.submit(form, form, Map.of("kind", "TERRITORIAL_NEED",
                "title", "Pas de garage solidaire " + run, "description", "Les salariés en insertion n'ont pas de voiture",
                "commune", MORLAIX));
        assertThat(recorded.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from cooperation.idea where title = :t").param("t", "Pas de garage solidaire " + run)
                .query(Long.class).single();
        assertThat(ideas.find(animator.current(), id).poleSlug()).isEqualTo(MORLAIX_POLE);
        assertThat(ideas.find(animator.current(), id).recordedBy()).isEqualTo(tregorUser.name());
        assertThat(ideas.find(epicerieUser.current(), id).recordedBy()).as("another structure").isNull();

        String email = TestUsers.uniqueEmail("porteur-garage");
        long project = JourneyFixtures.submitted(journeys, "Morgane Garage", email, "", true, MORLAIX);
        String page = "/espace/cooperation/idees/" + id;
        // an animator of Morlaix and Brest may not give Morlaix's idea a porteur of Brest
        User twoPoles = users.staff(Role.ANIMATEUR, MORLAIX_POLE);
        administration.grant(TestUsers.platform(), twoPoles.id(), Role.ANIMATEUR, "adess-pays-de-brest");
        User bothPoles = users.reload(twoPoles.id(), twoPoles.email(), twoPoles.name());
        long brestProject = JourneyFixtures.submitted(journeys, "Porteur de Brest", TestUsers.uniqueEmail("brest"), "",
                false, BREST);
        assertThatThrownBy(() -> ideas.linkToProject(bothPoles.current(), id, brestProject, ""))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("cooperation.idea.project.otherPole");
        Session pole = new Session(port).signedIn(animator.email());
        assertThat(pole.get(page).body()).contains("Un porteur de projet s’en empare");
        assertThat(pole.submit(page, page + "/porteur", Map.of("project", Long.toString(project), "note", "Vu au salon"))
                .statusCode()).isEqualTo(302);
        TerritorialIdeas.IdeaView linked = ideas.find(animator.current(), id);
        assertThat(linked.status()).isEqualTo(IdeaStatus.PORTEUR);
        assertThat(linked.projectId()).isEqualTo(project);
        // the coordination and the structures see that a porteur took it up, never who
        assertThat(ideas.find(coordinator.current(), id).projectId()).isNull();
        assertThat(person.get(page).body()).contains("Reprise par un porteur de projet").doesNotContain("Morgane");
        // only the pôle follows it up
        assertThat(person.submit(page, page + "/classement", Map.of("archived", "true")).statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> ideas.linkToProject(coordinator.current(), id, project, ""))
                .isInstanceOf(AccessDeniedException.class);
        String study = jdbc.sql("select slug from offer.scheme where kind = 'REVELATEUR' order by slug limit 1")
                .query(String.class).single();
        assertThat(pole.submit(page, page + "/etude", Map.of("scheme", study, "note", "")).statusCode()).isEqualTo(302);
        assertThat(ideas.find(animator.current(), id).status()).isEqualTo(IdeaStatus.STUDY);
    }
}
