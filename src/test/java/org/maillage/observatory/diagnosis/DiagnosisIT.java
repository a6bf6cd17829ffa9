package org.maillage.observatory.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.account.Role;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.network.PoleManagement;
import org.maillage.network.PoleManagement.PoleIdentity;
import org.maillage.observatory.Diagnoses;
import org.maillage.observatory.internal.diagnosis.Answer;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A structure's self-diagnosis over HTTP, as a browser without JavaScript sends it: its people fill it in
 * (draft, errors next to the questions, finish), keep actions and ask their pôle for support (emailed to
 * the pôle's contact); the pôle reads it; other structures, funders, partners, other pôles and visitors
 * are refused, and nothing of theirs is written.
 */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosisIT {

    private static final String POLE = "adess-pays-de-morlaix";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PoleManagement poleManagement;

    @Autowired
    Diagnoses diagnoses;

    private final Questionnaire questionnaire = Questionnaire.load(Questionnaire.CURRENT_VERSION);
    private final String run = TestUsers.letters(6);
    private User animator;
    private User coordinator;
    private User person;
    private User otherPerson;
    private String ours;
    private String theirs;
    private PoleIdentity poleBefore;
    private String poleContact;

    @BeforeAll
    void twoStructuresOfMorlaixAndTheirPeople() {
        animator = users.staff(Role.ANIMATEUR, POLE);
        coordinator = users.staff(Role.COORDINATEUR, "53");
        ours = directory.create(animator.current(), structure("Recyclerie du Pays de Morlaix " + run));
        theirs = directory.create(animator.current(), structure("Épicerie solidaire " + run));
        person = users.staff(Role.STRUCTURE, ours);
        otherPerson = users.staff(Role.STRUCTURE, theirs);
        // the pôle's contact address, which receives the requests for support
        var pole = poleManagement.file(coordinator.current(), POLE).pole();
        poleBefore = new PoleIdentity(pole.name(), pole.carrierName(), pole.territoryLabel(),
                poleManagement.file(coordinator.current(), POLE).governanceForm(), pole.contact().email(),
                pole.contact().phone(), pole.contact().website(), pole.contact().address());
        poleContact = TestUsers.uniqueEmail("contact-morlaix");
        poleManagement.updateIdentity(coordinator.current(), POLE, new PoleIdentity(pole.name(), pole.carrierName(),
                pole.territoryLabel(), poleBefore.governanceForm(), poleContact, null, null, null));
    }

    @AfterAll
    void poleAsItWas() {
        poleManagement.updateIdentity(coordinator.current(), POLE, poleBefore);
    }

    private static StructureData structure(String name) {
        return new StructureData(name, null, StructureFamily.ASSOCIATION, null, EssSector.ENVIRONNEMENT, null, null, "29151",
                null, null, 4, null, "Réemploi et réparation", true);
    }

    private static String base(String slug) {
        return "/espace/structures/" + slug + "/autodiagnostic";
    }

    /** The answers of a theme's form: the given answer for every question, or {@code null} for none. */
    private Map<String, String> theme(int number, Answer answer, String action) {
        Map<String, String> form = new LinkedHashMap<>();
        if (answer != null) {
            questionnaire.theme(number).orElseThrow().questions()
                    .forEach(question -> form.put("answers[" + question.code() + "]", answer.name()));
        }
        form.put("action", action);
        return form;
    }

    private long answersInDraft(String slug) {
        return jdbc.sql("""
                select count(*) from observatory.diagnosis_answer a join observatory.diagnosis d on d.id = a.diagnosis_id
                where d.structure_slug = :slug and d.status = 'DRAFT'""").param("slug", slug).query(Long.class).single();
    }

    private long rows(String table, String slug) {
        return jdbc.sql("select count(*) from observatory." + table + " where structure_slug = :slug").param("slug", slug)
                .query(Long.class).single();
    }

    /** Fills in every theme (the ones of theme 4 "Pas encore", the others "Pleinement") and finishes; the result's id. */
    private long finishedDiagnosis(Session session, String slug) {
        String page = base(slug);
        assertThat(session.submit(page, page, Map.of()).statusCode()).isEqualTo(302);
        int count = questionnaire.themes().size();
        String location = null;
        for (int n = 1; n <= count; n++) {
            String themePage = page + "/questionnaire/" + n;
            var answer = session.submit(themePage, themePage, theme(n, n == 4 ? Answer.NOT_YET : Answer.FULLY,
                    n == count ? "terminer" : "suivant"));
            assertThat(answer.statusCode()).as("theme " + n).isEqualTo(302);
            location = answer.headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).matches(".*" + page + "/\\d+$");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theStructuresPersonKeepsADraftThenFinishesAndReadsItsProfile() {
        Session session = new Session(port).signedIn(person.email());
        String page = base(ours);
        assertThat(session.get(page).body()).contains("Commencer un"); // a first one, or a new one
        var started = session.submit(page, page, Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(page + "/questionnaire/1");

        // theme 1 half answered: the errors are next to the questions left, the answers given are kept
        String theme1 = page + "/questionnaire/1";
        Map<String, String> half = new HashMap<>(Map.of("answers[GOU-1]", "FULLY", "answers[GOU-2]", "THINKING",
                "answers[GOU-3]", "NOT_APPLICABLE", "action", "suivant"));
        HttpResponse<String> refused = session.submit(theme1, theme1, half);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("2 pratiques sont restées sans réponse")
                .contains("id=\"error-GOU-4\"").contains("id=\"error-GOU-5\"").doesNotContain("id=\"error-GOU-1\"");
        assertThat(refused.body()).containsPattern("id=\"GOU-2-THINKING\"[^>]*checked");
        assertThat(answersInDraft(ours)).isEqualTo(3);

        // a draft: saved, and the page says how far it got
        half.put("answers[GOU-4]", "PARTLY");
        half.put("action", "brouillon");
        var draft = session.submit(theme1, theme1, half);
        assertThat(draft.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(answersInDraft(ours)).isEqualTo(4);
        String overview = session.get(page).body();
        assertThat(overview).contains("4 réponses sur 40").contains("Reprendre le questionnaire")
                .contains(page + "/questionnaire/1");
        // starting again does not make a second draft
        session.submit(page, page, Map.of());
        assertThat(jdbc.sql("select count(*) from observatory.diagnosis where structure_slug = :s and status = 'DRAFT'")
                .param("s", ours).query(Long.class).single()).isEqualTo(1);

        // finishing with a theme left empty is refused, naming the theme
        for (int n = 1; n <= 7; n++) {
            if (n == 3) {
                continue;
            }
            String themePage = page + "/questionnaire/" + n;
            assertThat(session.submit(themePage, themePage, theme(n, n == 1 ? Answer.PARTLY : Answer.FULLY, "suivant"))
                    .statusCode()).isEqualTo(302);
        }
        String theme8 = page + "/questionnaire/8";
        var incomplete = session.submit(theme8, theme8, theme(8, Answer.THINKING, "terminer"));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("il manque encore des réponses").contains("3. Ancrage territorial (5 sans réponse)");
        String theme3 = page + "/questionnaire/3";
        assertThat(session.submit(theme3, theme3, theme(3, Answer.NOT_APPLICABLE, "suivant")).statusCode()).isEqualTo(302);
        var finished = session.submit(theme8, theme8, theme(8, Answer.THINKING, "terminer"));
        assertThat(finished.statusCode()).isEqualTo(302);
        String result = finished.headers().firstValue("Location").orElseThrow();
        assertThat(result).matches(".*" + page + "/\\d+$");
        long id = Long.parseLong(result.substring(result.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select status || ' ' || overall_percent || ' ' || pole_slug from observatory.diagnosis where id = :id")
                .param("id", id).query(String.class).single())
                // 5 × 2 + 25 × 3 + 5 × 1 = 90 points of 35 × 3 = 105 (theme 3 does not apply) → 86 %
                .isEqualTo("FINISHED 86 " + POLE);

        String profile = session.get(page + "/" + id).body();
        assertThat(profile).contains("Score global : 86 %").contains("Ne s’applique pas")
                .contains("Autodiagnostic terminé le " + java.time.LocalDate.now(ZoneId.of("Europe/Paris"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        // the weakest theme comes first in the plan: éthique (33 %), then gouvernance (67 %)
        assertThat(profile.indexOf("8. Éthique et déontologie (33 %)")).isPositive()
                .isLessThan(profile.indexOf("1. Gouvernance démocratique (67 %)"));

        // the plan: ticked actions are kept; an action that was not suggested is ignored
        var plan = session.submit(page + "/" + id, page + "/" + id + "/plan", Map.of("kept", "ETH-2"));
        assertThat(plan.statusCode()).isEqualTo(302);
        session.submit(page + "/" + id, page + "/" + id + "/plan", Map.of("kept", "TER-1"));
        assertThat(jdbc.sql("select question_code from observatory.diagnosis_action where diagnosis_id = :id")
                .param("id", id).query(String.class).list()).isEmpty();
        session.submit(page + "/" + id, page + "/" + id + "/plan", Map.of("kept", "ETH-2"));
        assertThat(jdbc.sql("select question_code from observatory.diagnosis_action where diagnosis_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("ETH-2");
        assertThat(session.get(page + "/" + id).body()).containsPattern("id=\"keep-ETH-2\"[^>]*checked");

        // a second diagnosis later: both are kept, and the new profile shows the change since the first
        long second = finishedDiagnosis(session, ours);
        String again = session.get(page + "/" + second).body();
        assertThat(again).contains("Évolution depuis le");
        assertThat(row(again, "GOU")).contains("100 %").contains("+33 points");
        assertThat(row(again, "SOC")).contains("0 %").contains("−100 points");
        assertThat(row(again, "STR")).contains("Stable");
        assertThat(row(again, "TER")).contains("—"); // did not apply the first time
        assertThat(session.get(page).body()).contains(page + "/" + id).contains(page + "/" + second);
    }

    /** The row of a theme in the profile's table. */
    private static String row(String page, String theme) {
        int start = page.indexOf("data-theme=\"" + theme + "\"");
        assertThat(start).as(theme).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void askingThePoleForSupportEmailsItsContactAndThePoleSeesTheRequest() {
        Session session = new Session(port).signedIn(person.email());
        long id = finishedDiagnosis(session, ours);
        String result = base(ours) + "/" + id;
        long before = diagnoses.figures(POLE, Year.now(ZoneId.of("Europe/Paris")).getValue()).supportRequests();

        // too long a message: refused next to the field, nothing sent
        var tooLong = session.submit(result, result + "/accompagnement", Map.of("message", "x".repeat(2001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Votre message est trop long").contains("id=\"message-error\"");
        assertThat(rows("diagnosis_support_request", ours)).isZero();

        String message = "Nous voulons travailler la place des salariés " + run;
        var sent = session.submit(result, result + "/accompagnement", Map.of("message", message));
        assertThat(sent.statusCode()).isEqualTo(302);
        // the same form sent twice makes one request
        session.submit(result, result + "/accompagnement", Map.of("message", message));
        assertThat(rows("diagnosis_support_request", ours)).isEqualTo(1);
        assertThat(session.get(result).body()).contains("Demande envoyée le").contains(message);

        var mail = TestMail.await(poleContact, run, 1).get(0);
        assertThat(TestMail.body(mail)).contains("Recyclerie du Pays de Morlaix " + run).contains(message)
                .contains("Score global : 88 %") // 35 "Pleinement" and 5 "Pas encore": 105 / 120 = 87.5 %
                .contains("4. Politique salariale et exemplarité sociale : 0 %").contains(person.email())
                .contains(result);
        assertThat(TestMail.link(mail, result)).isEqualTo(result);
        try {
            assertThat(mail.getSubject()).isEqualTo("Demande d’accompagnement de Recyclerie du Pays de Morlaix " + run + " (autodiagnostic)");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(diagnoses.figures(POLE, Year.now(ZoneId.of("Europe/Paris")).getValue()).supportRequests())
                .isEqualTo(before + 1);

        // the pôle's animator reads the request and the structure's profile, and cannot fill it in
        Session pole = new Session(port).signedIn(animator.email());
        String list = pole.get("/espace/poles/" + POLE + "/autodiagnostics").body();
        assertThat(list).contains("Recyclerie du Pays de Morlaix " + run).contains(message).contains(person.email());
        var read = pole.get(result);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Score global").doesNotContain("Enregistrer mon plan d’action")
                .doesNotContain("name=\"message\"");
        assertThat(pole.submit(base(ours), base(ours), Map.of()).statusCode()).isEqualTo(403);
        assertThat(pole.submit(result, result + "/accompagnement", Map.of("message", "Par le pôle")).statusCode()).isEqualTo(403);
        // so does the region's coordination
        assertThat(new Session(port).signedIn(coordinator.email()).get("/espace/poles/" + POLE + "/autodiagnostics")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void otherStructuresFundersPartnersOtherPolesAndVisitorsAreRefused() {
        long id = finishedDiagnosis(new Session(port).signedIn(person.email()), ours);
        String result = base(ours) + "/" + id;
        long requests = rows("diagnosis_support_request", ours);
        long diagnosesOfOurs = rows("diagnosis", ours);

        Map<String, Session> outsiders = new LinkedHashMap<>();
        outsiders.put("another structure's person", new Session(port).signedIn(otherPerson.email()));
        outsiders.put("a funder of the pôle", new Session(port).signedIn(users.staff(Role.FINANCEUR, POLE).email()));
        outsiders.put("a funder of the region", new Session(port).signedIn(users.staff(Role.FINANCEUR, "53").email()));
        outsiders.put("a partner", new Session(port).signedIn(users.staff(Role.PARTENAIRE, "tag-bzh-29").email()));
        outsiders.put("another pôle's animator", new Session(port).signedIn(users.staff(Role.ANIMATEUR, "reso-solidaire").email()));
        outsiders.put("an administrator", new Session(port).signedIn(users.admin().email()));
        outsiders.forEach((who, session) -> {
            assertThat(session.get(base(ours)).statusCode()).as(who).isEqualTo(403);
            assertThat(session.get(result).statusCode()).as(who).isEqualTo(403);
            assertThat(session.get(base(ours) + "/questionnaire/1").statusCode()).as(who).isEqualTo(403);
            assertThat(session.submit("/espace", base(ours), Map.of()).statusCode()).as(who).isEqualTo(403);
            assertThat(session.submit("/espace", base(ours) + "/questionnaire/1", theme(1, Answer.NOT_YET, "brouillon"))
                    .statusCode()).as(who).isEqualTo(403);
            assertThat(session.submit("/espace", result + "/plan", Map.of("kept", "SOC-1")).statusCode()).as(who).isEqualTo(403);
            assertThat(session.submit("/espace", result + "/accompagnement", Map.of("message", who)).statusCode()).as(who)
                    .isEqualTo(403);
        });
        // the pôle's list: its animators and its region's coordinators only
        assertThat(outsiders.get("another structure's person").get("/espace/poles/" + POLE + "/autodiagnostics").statusCode())
                .isEqualTo(403);
        assertThat(outsiders.get("a funder of the pôle").get("/espace/poles/" + POLE + "/autodiagnostics").statusCode())
                .isEqualTo(403);
        assertThat(outsiders.get("another pôle's animator").get("/espace/poles/" + POLE + "/autodiagnostics").statusCode())
                .isEqualTo(403);
        // another structure's diagnosis is not reached through one's own structure's address either
        Session other = outsiders.get("another structure's person");
        long theirId = finishedDiagnosis(other, theirs);
        assertThat(new Session(port).signedIn(person.email()).get(base(ours) + "/" + theirId).statusCode()).isEqualTo(404);

        // a visitor is sent to the login page
        var visitor = new Session(port).get(result);
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(visitor.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");

        assertThat(rows("diagnosis_support_request", ours)).isEqualTo(requests);
        assertThat(rows("diagnosis", ours)).isEqualTo(diagnosesOfOurs);
        assertThat(jdbc.sql("select count(*) from observatory.diagnosis_action where diagnosis_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aVisitorFillsInThePublicQuestionnaireAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from observatory.diagnosis").query(Long.class).single();
        Session visitor = new Session(port);
        String page = visitor.get("/autodiagnostic").body();
        assertThat(page).contains("Autodiagnostic des bonnes pratiques de l’ESS")
                .contains("Rien n’est enregistré");
        assertThat(page.split("<fieldset class=\"question\"", -1)).hasSize(41);

        Map<String, String> all = new LinkedHashMap<>();
        for (int n = 1; n <= questionnaire.themes().size(); n++) {
            all.putAll(theme(n, n == 7 ? Answer.THINKING : Answer.FULLY, "x"));
        }
        all.remove("action");
        Map<String, String> missingOne = new LinkedHashMap<>(all);
        missingOne.remove("answers[ENV-3]");
        var refused = visitor.submit("/autodiagnostic", "/autodiagnostic", missingOne);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Une pratique est restée sans réponse").contains("href=\"#q-ENV-3\"")
                .contains("id=\"error-ENV-3\"").containsPattern("id=\"ENV-2-THINKING\"[^>]*checked");

        var profile = visitor.submit("/autodiagnostic", "/autodiagnostic", all);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("Votre profil de bonnes pratiques").contains("Score global : 92 %")
                .contains("7. Développement durable (33 %)").contains("Mettez en place le forfait mobilités durables");
        assertThat(jdbc.sql("select count(*) from observatory.diagnosis").query(Long.class).single()).isEqualTo(before);
    }
}
