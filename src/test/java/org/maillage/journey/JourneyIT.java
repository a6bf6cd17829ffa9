package org.maillage.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.journey.JourneyForms.StatusForm;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journeys over HTTP on the real database: the intake (routing, acknowledgement, double submission,
 * honeypot, rate limit, bad input kept), the scopes of animators, partners and coordinators (every
 * refusal audited), consent and erasure.
 */
@MaillageIntegrationTest
class JourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Journeys journeys;

    @Autowired
    PorteurSpace spaces;

    private Map<String, String> intake(String email, String idea, String commune, String key) {
        Map<String, String> fields = JourneyFixtures.intakeFields("Yann Test", email, "", idea, commune);
        fields.put("submissionKey", key);
        return fields;
    }

    private long projects(String email) {
        return jdbc.sql("select count(*) from journey.project p join journey.porteur o on o.id = p.porteur_id where o.email = :email")
                .param("email", email).query(Long.class).single();
    }

    @Test
    void theIntakeIsRoutedToThePoleAcknowledgedAndSentTwiceMakesOneRequest() {
        Session visitor = new Session(port).withHeader("X-Forwarded-For", JourneyFixtures.newAddress());
        String page = visitor.get("/je-porte-un-projet").body();
        assertThat(page).doesNotContainIgnoringCase("name=\"siret\"").contains("Aucun numéro SIRET");
        Matcher key = Pattern.compile("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).isTrue();
        String email = TestUsers.uniqueEmail("yann");
        String token = visitor.csrfToken("/je-porte-un-projet").orElseThrow();
        Map<String, String> fields = intake(email, "Une epicerie solidaire " + TestUsers.letters(8), "Loudéac", key.group(1));
        fields.put("_csrf", token);
        HttpResponse<String> first = visitor.post("/je-porte-un-projet", fields);
        HttpResponse<String> again = visitor.post("/je-porte-un-projet", fields);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(projects(email)).isEqualTo(1);
        assertThat(jdbc.sql("select p.pole_slug || ' ' || status || ' ' || stage_self from journey.project p join journey.porteur o"
                + " on o.id = p.porteur_id where o.email = :email").param("email", email).query(String.class).single())
                .isEqualTo("adess-centre-bretagne NEW IDEE");
        String ack = TestMail.body(TestMail.await(email, 1).get(0));
        assertThat(ack).contains("ADESS Centre Bretagne").contains("/mon-espace/lien?jeton=");
        assertThat(visitor.get("/je-porte-un-projet/merci").body()).contains("ADESS Centre Bretagne").contains(email);
        assertThat(new Session(port).get("/je-porte-un-projet/merci").statusCode()).isEqualTo(302); // nothing sent: the form
    }

    @Test
    void aRobotFillingTheHiddenFieldIsAnsweredAsUsualAndNothingIsKept() {
        Session robot = new Session(port).withHeader("X-Forwarded-For", JourneyFixtures.newAddress());
        String email = TestUsers.uniqueEmail("robot");
        Map<String, String> fields = intake(email, "Buy cheap things", "22136", UUID.randomUUID().toString());
        fields.put("website", "http://spam.example");
        assertThat(robot.submit("/je-porte-un-projet", "/je-porte-un-projet", fields).statusCode()).isEqualTo(302);
        assertThat(projects(email)).isZero();
        assertThat(jdbc.sql("select count(*) from account.user_account where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputComesBackNextToItsFieldWithEverythingTypedAndTooManyRequestsAreRefused() {
        String client = JourneyFixtures.newAddress();
        Session visitor = new Session(port).withHeader("X-Forwarded-For", client);
        Map<String, String> fields = intake("pas-une-adresse", "Un tiers-lieu culturel dans une ancienne gare", "Zzyzxville",
                UUID.randomUUID().toString());
        fields.put("displayName", "Gwenaelle Testeuse");
        fields.put("consentData", "false");
        fields.put("phone", "abc");
        HttpResponse<String> answer = visitor.submit("/je-porte-un-projet", "/je-porte-un-projet", fields);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("Gwenaelle Testeuse").contains("Un tiers-lieu culturel dans une ancienne gare").contains("Zzyzxville")
                .contains("id=\"email-error\"").contains("id=\"phone-error\"").contains("id=\"consentData-error\"")
                .contains("Saisissez une adresse électronique valide");
        fields.put("phone", "");
        fields.put("email", TestUsers.uniqueEmail("gwen"));
        fields.put("consentData", "true");
        answer = visitor.submit("/je-porte-un-projet", "/je-porte-un-projet", fields);
        assertThat(answer.body()).contains("id=\"commune-error\"").contains("Nous ne trouvons pas cette commune");

        // five requests an hour from one address, then a French refusal (the sixth keeps what was typed)
        for (int i = 0; i < 5; i++) {
            Map<String, String> ok = intake(TestUsers.uniqueEmail("rate"), "Projet " + i, "22136", UUID.randomUUID().toString());
            assertThat(visitor.submit("/je-porte-un-projet", "/je-porte-un-projet", ok).statusCode()).isEqualTo(302);
        }
        Map<String, String> sixth = intake(TestUsers.uniqueEmail("rate"), "Le sixieme projet", "22136", UUID.randomUUID().toString());
        answer = visitor.submit("/je-porte-un-projet", "/je-porte-un-projet", sixth);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).contains("Trop de demandes").contains("Le sixieme projet");
        assertThat(projects(sixth.get("email"))).isZero();
    }

    private long submitted(String email) {
        return JourneyFixtures.submitted(journeys, "Porteur " + email.substring(0, 12), email, "", false);
    }

    private long auditRows(String action, String subject, long id) {
        return jdbc.sql("select count(*) from platform.audit_log where action = :action and subject_type = :subject and subject_id = :id")
                .param("action", action).param("subject", subject).param("id", Long.toString(id)).query(Long.class).single();
    }

    @Test
    void onlyThePolesAnimatorsOpenAFileAndOnlyTheSchemesPartnersAReferralEveryRefusalAudited() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        User otherAnimator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        User kejal = users.staff(Role.PARTENAIRE, "kejal");
        String email = TestUsers.uniqueEmail("scope");
        long project = submitted(email);
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");

        // not sent without the porteur's consent for that partner
        assertThatThrownBy(() -> journeys.send(animator.current(), project, referral)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("referral.noConsent");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");
        journeys.send(animator.current(), project, referral);

        Session pole = new Session(port).signedIn(animator.email());
        assertThat(pole.get("/espace/parcours/" + project).body()).contains(email);
        assertThat(pole.get("/espace/parcours").body()).contains(email.substring(0, 12));
        for (User refused : new User[] {otherAnimator, coordinator, tag}) {
            HttpResponse<String> answer = new Session(port).signedIn(refused.email()).get("/espace/parcours/" + project);
            assertThat(answer.statusCode()).as(refused.email()).isEqualTo(403);
            assertThat(answer.body()).doesNotContain(email);
        }
        assertThat(auditRows("DENIED", "JOURNEY", project)).isEqualTo(3);
        // nor can another pôle's animator change it
        assertThat(new Session(port).signedIn(otherAnimator.email())
                .submit("/espace/parcours", "/espace/parcours/" + project + "/notes", Map.of("text", "intrusion"))
                .statusCode()).isEqualTo(403);

        Session tagSession = new Session(port).signedIn(tag.email());
        assertThat(tagSession.get("/espace/orientations/" + referral).body()).contains(email);
        assertThat(tagSession.get("/espace/orientations").body()).contains("Idéateur TAg BZH 22");
        HttpResponse<String> kejalAnswer = new Session(port).signedIn(kejal.email()).get("/espace/orientations/" + referral);
        assertThat(kejalAnswer.statusCode()).isEqualTo(403);
        assertThat(kejalAnswer.body()).doesNotContain(email);
        assertThat(new Session(port).signedIn(otherAnimator.email()).get("/espace/orientations/" + referral).statusCode())
                .isEqualTo(403);
        assertThat(auditRows("DENIED", "REFERRAL", referral)).isEqualTo(2);
        assertThat(auditRows("READ", "REFERRAL", referral)).isEqualTo(1);

        // the emailed link works for this referral only, and stops once the porteur withdraws their consent
        String link = TestMail.link(TestMail.await(tag.email(), "Idéateur", 1).get(0), "/orientations/reponse");
        Session anonymous = new Session(port);
        assertThat(anonymous.get(link).body()).contains(email);
        assertThat(anonymous.get("/orientations/reponse?jeton=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        spaces.setConsent(JourneyFixtures.porteur(jdbc, email), "tag-bzh-22", false);
        assertThat(anonymous.get(link).statusCode()).isEqualTo(404);
        assertThat(tagSession.get("/espace/orientations/" + referral).statusCode()).isEqualTo(403);
        assertThat(auditRows("DENIED", "REFERRAL", referral)).isEqualTo(3);
    }

    @Test
    void anErasureAskedByThePorteurIsConfirmedByTheAnimatorAndKeepsTheFigures() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        String email = TestUsers.uniqueEmail("efface");
        long project = submitted(email);
        journeys.changeStatus(animator.current(), project, new StatusForm(ProjectStatus.CREATED, java.time.LocalDate.now(),
                null, "", "2", null, "", null));
        var porteur = JourneyFixtures.porteur(jdbc, email);
        assertThat(spaces.export(porteur).toString()).contains(email);
        assertThatThrownBy(() -> journeys.confirmErasure(animator.current(), project)).isInstanceOf(RuleViolationException.class);
        spaces.requestErasure(porteur);
        assertThat(new Session(port).signedIn(animator.email()).get("/espace/parcours?vue=ERASURE").body())
                .contains("Effacement demandé");
        journeys.confirmErasure(animator.current(), project);

        assertThat(jdbc.sql("select count(*) from journey.porteur where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from account.user_account where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select title || '|' || description || '|' || status || '|' || stage || '|' || commune_code || '|' || outcome_jobs"
                + " from journey.project where id = :id").param("id", project).query(String.class).single())
                .isEqualTo("Projet anonymisé||CREATED|IDEE|22136|2.00");
        assertThat(auditRows("ERASE", "JOURNEY", project)).isEqualTo(1);
    }

    private String projectColumns(long project) {
        return jdbc.sql("select status || '|' || title || '|' || coalesce(outcome_jobs::text, '-') || '|'"
                + " || (select count(*) from journey.meeting m where m.project_id = p.id)"
                + " || '|' || (select count(*) from journey.timeline_event t where t.project_id = p.id and t.kind = 'NOTE')"
                + " from journey.project p where id = :id").param("id", project).query(String.class).single();
    }

    @Test
    void theFilesFormsGiveBadInputBackNextToItsFieldWithWhatWasTypedAndChangeNothing() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        long project = submitted(TestUsers.uniqueEmail("saisie"));
        String file = "/espace/parcours/" + project;
        String before = projectColumns(project);
        Session pole = new Session(port).signedIn(animator.email());

        HttpResponse<String> meeting = pole.submit(file, file + "/rendez-vous",
                Map.of("date", "", "format", "PHONE", "place", "Mairie de Loudeac", "notes", "Notes precieuses a garder"));
        assertThat(meeting.statusCode()).isEqualTo(400);
        assertThat(meeting.body()).contains("id=\"date-error\"").contains("Notes precieuses a garder").contains("Mairie de Loudeac");

        HttpResponse<String> qualification = pole.submit(file, file + "/qualification",
                Map.of("title", " ", "description", "Description gardee", "stage", "PROJET"));
        assertThat(qualification.statusCode()).isEqualTo(400);
        assertThat(qualification.body()).contains("id=\"title-error\"").contains("Description gardee");

        HttpResponse<String> created = pole.submit(file, file + "/statut",
                Map.of("status", "CREATED", "on", "", "jobs", "deux", "siret", "", "note", "Note de sortie gardee"));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("id=\"jobs-error\"").contains("Note de sortie gardee").contains("value=\"deux\"");
        HttpResponse<String> noDate = pole.submit(file, file + "/statut", Map.of("status", "CREATED", "on", "", "jobs", "2"));
        assertThat(noDate.body()).contains("id=\"on-error\"");
        HttpResponse<String> siret = pole.submit(file, file + "/statut",
                Map.of("status", "CREATED", "on", "2026-11-30", "siret", "12345678901234", "jobs", "2"));
        assertThat(siret.body()).contains("id=\"siret-error\"").contains("12345678901234");
        HttpResponse<String> noReason = pole.submit(file, file + "/statut", Map.of("status", "ABANDONED", "on", "2026-11-30"));
        assertThat(noReason.body()).contains("id=\"reason-error\"");
        HttpResponse<String> noFollowUp = pole.submit(file, file + "/statut", Map.of("status", "PAUSED", "followUpOn", ""));
        assertThat(noFollowUp.body()).contains("id=\"followUpOn-error\"");
        HttpResponse<String> note = pole.submit(file, file + "/notes", Map.of("text", "", "_visibleToPorteur", "on"));
        assertThat(note.statusCode()).isEqualTo(400);
        assertThat(note.body()).contains("id=\"text-error\"");
        assertThat(projectColumns(project)).isEqualTo(before);

        // a partner's answer without its reason keeps the message typed, and the referral stays as it was
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");
        journeys.send(animator.current(), project, referral);
        String link = TestMail.link(TestMail.await(tag.email(), "/orientations/reponse", 1).get(0), "/orientations/reponse");
        String token = link.substring(link.indexOf("jeton=") + 6);
        HttpResponse<String> answer = new Session(port).submit(link, "/orientations/reponse",
                Map.of("jeton", token, "decision", "DECLINED", "message", "Message du partenaire garde"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"reason-error\"").contains("Message du partenaire garde");
        HttpResponse<String> unknown = new Session(port).submit(link, "/orientations/reponse",
                Map.of("jeton", token, "decision", "NIMPORTE", "message", "Encore garde"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"decision-error\"").contains("Encore garde");
        assertThat(jdbc.sql("select status from journey.referral where id = :id").param("id", referral).query(String.class)
                .single()).isEqualTo("SENT");
    }

    @Test
    void theApiGivesJourneysToThePolesAnimatorsAndReferralsToTheirPartnersOnly() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        User otherAnimator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        User kejal = users.staff(Role.PARTENAIRE, "kejal");
        String email = TestUsers.uniqueEmail("api");
        long project = submitted(email);
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");
        journeys.send(animator.current(), project, referral);

        assertThat(new Session(port).signedIn(animator.email()).get("/api/v1/journeys/" + project).body())
                .contains(email).contains("REFERRAL_SENT");
        assertThat(new Session(port).signedIn(animator.email()).get("/api/v1/journeys?view=WAITING").body()).contains(email.substring(0, 12));
        for (User refused : new User[] {otherAnimator, tag}) {
            HttpResponse<String> answer = new Session(port).signedIn(refused.email()).get("/api/v1/journeys/" + project);
            assertThat(answer.statusCode()).as(refused.email()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).doesNotContain(email);
        }
        assertThat(new Session(port).get("/api/v1/journeys/" + project).statusCode()).isEqualTo(401);
        String name = "Porteur " + email.substring(0, 12);
        assertThat(new Session(port).signedIn(tag.email()).get("/api/v1/referrals?view=WAITING").body()).contains(name);
        assertThat(new Session(port).signedIn(kejal.email()).get("/api/v1/referrals").body()).doesNotContain(name);
        assertThat(new Session(port).signedIn(kejal.email()).get("/api/v1/referrals/" + referral).statusCode()).isEqualTo(403);
        assertThat(new Session(port).signedIn(animator.email()).get("/api/v1/referrals").statusCode()).isEqualTo(403);
    }

    @Test
    void theInboxCountsEachViewAndShowsTwentyProjectsAPage() {
        User animator = users.staff(Role.ANIMATEUR, "pole-ess-pays-d-auray");
        String word = TestUsers.letters(8);
        for (int i = 0; i < 21; i++) {
            JourneyFixtures.submitted(journeys, "Auray " + word + " " + i, TestUsers.uniqueEmail("auray"), "", false, "56007");
        }
        Session pole = new Session(port).signedIn(animator.email());
        String first = pole.get("/espace/parcours?q=" + word).body();
        assertThat(first).contains("Tous (21)").contains("Nouvelles demandes (21)").contains("Page 1 sur 2")
                .contains("21 parcours");
        assertThat(first.split("Auray " + word, -1)).hasSize(21); // twenty rows
        String second = pole.get("/espace/parcours?q=" + word + "&vue=ALL&page=1").body();
        assertThat(second).contains("Page 2 sur 2");
        assertThat(second.split("Auray " + word, -1)).hasSize(2); // the last one
        assertThat(pole.get("/espace/parcours?q=" + word + "&vue=WAITING").body()).contains("Aucun parcours");
    }
}
