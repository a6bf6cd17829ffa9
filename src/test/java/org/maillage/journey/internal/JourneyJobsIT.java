package org.maillage.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.journey.JourneyFixtures;
import org.maillage.journey.JourneyForms.StatusForm;
import org.maillage.journey.Journeys;
import org.maillage.journey.ProjectStatus;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journeys' jobs run for an instant the test chooses (the clock is an argument): reminders after
 * 7 and 14 days, expiry after 30, each once; follow-up reminders; surveys at 6 and 18 months; the
 * retention warning 30 days before the anonymisation at 3 years.
 */
@MaillageIntegrationTest
class JourneyJobsIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Journeys journeys;

    @Autowired
    JourneyJobs jobs;

    private long submitted(String email) {
        return JourneyFixtures.submitted(journeys, "Porteur jobs", email, "", true);
    }

    private String referral(long id) {
        return jdbc.sql("select status || ' ' || reminders_sent from journey.referral where id = :id").param("id", id)
                .query(String.class).single();
    }

    @Test
    void aReferralNobodyAnswersIsRemindedAfter7And14DaysThenExpiresAfter30() {
        long project = submitted(TestUsers.uniqueEmail("relance"));
        var animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne"); // after the intake: no email of it
        var partner = users.staff(Role.PARTENAIRE, "civam-bretagne");
        long referral = journeys.propose(animator.current(), project, "civam-installation");
        journeys.recordConsent(animator.current(), project, "civam-bretagne");
        journeys.send(animator.current(), project, referral);
        Instant sent = jdbc.sql("select sent_at from journey.referral where id = :id").param("id", referral)
                .query(java.sql.Timestamp.class).single().toInstant();
        TestMail.await(partner.email(), "vous oriente", 1);

        jobs.run(sent.plus(Duration.ofDays(6)));
        assertThat(referral(referral)).isEqualTo("SENT 0");
        jobs.run(sent.plus(Duration.ofDays(7)).plusSeconds(60));
        jobs.run(sent.plus(Duration.ofDays(8))); // once only
        assertThat(referral(referral)).isEqualTo("SENT 1");
        var reminder = TestMail.await(partner.email(), "Rappel n° 1", 1).get(0);
        // the reminder's link works, as the first one still does
        assertThat(new Session(port).get(TestMail.link(reminder, "/orientations/reponse")).statusCode()).isEqualTo(200);
        jobs.run(sent.plus(Duration.ofDays(14)).plusSeconds(60));
        assertThat(referral(referral)).isEqualTo("SENT 2");
        jobs.run(sent.plus(Duration.ofDays(30)).plusSeconds(60));
        assertThat(referral(referral)).isEqualTo("EXPIRED 2");
        assertThat(TestMail.body(TestMail.await(animator.email(), "a expiré", 1).get(0))).contains("30 jours");
        assertThat(jdbc.sql("select count(*) from journey.timeline_event where referral_id = :id and kind in ('REFERRAL_REMINDER', 'REFERRAL_EXPIRED')")
                .param("id", referral).query(Long.class).single()).isEqualTo(3);
        assertThat(TestMail.await(partner.email(), "/orientations/reponse", 3)).hasSize(3); // the referral and two reminders
    }

    @Test
    void aMaturingProjectIsRemindedToItsPoleOnItsFollowUpDateAndItsPorteurGetsSurveys() {
        String email = TestUsers.uniqueEmail("enquete");
        long project = submitted(email);
        var animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne"); // after the intake: no email of it
        LocalDate followUp = LocalDate.now().plusMonths(2);
        journeys.changeStatus(animator.current(), project, new StatusForm(ProjectStatus.PAUSED, null, null, "", "", null, "",
                followUp));
        Instant now = Instant.now();
        jobs.run(now.plus(Duration.ofDays(30)));
        assertThat(TestMail.to(animator.email(), "prendre des nouvelles")).isEmpty();
        jobs.run(followUp.atStartOfDay(JourneyService.PARIS).toInstant().plus(Duration.ofHours(9)));
        jobs.run(followUp.atStartOfDay(JourneyService.PARIS).toInstant().plus(Duration.ofHours(10)));
        assertThat(TestMail.await(animator.email(), "prendre des nouvelles", 1)).hasSize(1);

        jobs.run(now.plus(Duration.ofDays(186)));
        var survey = TestMail.await(email, "/enquete", 1).get(0);
        assertThat(TestMail.body(survey)).contains("Il y a 6 mois");
        String link = TestMail.link(survey, "/enquete");
        Session porteur = new Session(port);
        assertThat(porteur.get(link).body()).contains("Votre activité est-elle créée");
        String token = link.substring(link.indexOf("jeton=") + 6);
        var bad = porteur.submit(link, "/enquete", Map.of("jeton", token, "activityCreated", "true", "jobs", "deux",
                "comment", "Tres utile"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Tres utile").contains("id=\"satisfaction-error\"").contains("id=\"jobs-error\"");
        assertThat(porteur.submit(link, "/enquete", Map.of("jeton", token, "activityCreated", "true", "jobs", "1,5",
                "satisfaction", "5", "comment", "Tres utile")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select activity_created || ' ' || jobs || ' ' || satisfaction from journey.survey where project_id = :id and months = 6")
                .param("id", project).query(String.class).single()).isEqualTo("true 1.50 5");
        jobs.run(now.plus(Duration.ofDays(190)));
        assertThat(jdbc.sql("select count(*) from journey.survey where project_id = :id").param("id", project)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The project and its porteur's file go back in time (the other tests' journeys stay recent). */
    private void quietFor(long project, Duration quiet, Instant now) {
        var at = java.sql.Timestamp.from(now.minus(quiet));
        jdbc.sql("update journey.project set last_activity_at = :at, last_step_at = :at where id = :id")
                .param("at", at).param("id", project).update();
        jdbc.sql("update journey.porteur set created_at = :at, updated_at = :at where id = (select porteur_id from journey.project where id = :id)")
                .param("at", at).param("id", project).update();
    }

    private String porteurAndProject(long project) {
        return jdbc.sql("select o.display_name || '|' || p.title || '|' || p.stage || '|' || p.commune_code from journey.project p"
                + " join journey.porteur o on o.id = p.porteur_id where p.id = :id").param("id", project).query(String.class).single();
    }

    @Test
    void aJourneyWithoutActivityForThreeYearsIsAnonymisedAfterAWarningUnlessThePorteurKeepsIt() {
        String email = TestUsers.uniqueEmail("oubli");
        long project = submitted(email);
        String keeperEmail = TestUsers.uniqueEmail("garde");
        long kept = submitted(keeperEmail);
        Instant now = Instant.now();
        quietFor(project, Duration.ofDays(1095 - 31), now);
        quietFor(kept, Duration.ofDays(1095 - 31), now);

        jobs.run(now); // 31 days before the end of the 3 years: no warning yet
        assertThat(jdbc.sql("select count(*) from journey.project p join journey.porteur o on o.id = p.porteur_id"
                + " where p.id in (:a, :b) and o.retention_warned_at is null")
                .param("a", project).param("b", kept).query(Long.class).single()).isEqualTo(2);
        jobs.run(now.plus(Duration.ofDays(2))); // 29 days before: warned, each with a link to their space
        var warning = TestMail.await(email, "seront anonymisées", 1).get(0);
        assertThat(TestMail.body(warning)).contains("Garder mon dossier").contains("/mon-espace/lien?jeton=");
        TestMail.await(keeperEmail, "seront anonymisées", 1);

        // the second porteur opens their space from the warning's link (it works for the 30 days of the warning)
        // and keeps their file
        assertThat(jdbc.sql("""
                select max(t.expires_at) - max(t.created_at) from account.one_time_token t join journey.porteur o on o.user_id = t.user_id
                where o.email = :email
                """).param("email", keeperEmail).query(String.class).single()).startsWith("30 days");
        Session keeper = new Session(port).openedSpace(TestMail.link(TestMail.await(keeperEmail, "seront anonymisées", 1).get(0),
                "/mon-espace/lien").replaceFirst(".*jeton=", ""));
        assertThat(keeper.get("/mon-espace").body()).contains("Garder mon dossier");
        assertThat(keeper.submit("/mon-espace", "/mon-espace/garder", Map.of()).statusCode()).isEqualTo(302);
        assertThat(keeper.get("/mon-espace").body()).doesNotContain("Garder mon dossier").contains("garde son dossier");

        jobs.run(now.plus(Duration.ofDays(31))); // the 3 years are over, but the warning is not 30 days old
        assertThat(porteurAndProject(project)).doesNotContain("anonymisé");
        jobs.run(now.plus(Duration.ofDays(33)));
        assertThat(porteurAndProject(project)).isEqualTo("Personne anonymisée|Projet anonymisé|IDEE|22136");
        assertThat(jdbc.sql("select count(*) from account.user_account where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
        assertThat(porteurAndProject(kept)).startsWith("Porteur ").doesNotContain("anonymisé");
    }
}
