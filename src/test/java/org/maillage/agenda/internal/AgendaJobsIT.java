package org.maillage.agenda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.Agenda.NewEvent;
import org.maillage.agenda.EventTheme;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** The reminders the day before, with the jobs' clock as an argument: once, only to people with a place. */
@MaillageIntegrationTest
class AgendaJobsIT {

    static final String POLE = "vallons-solidaires";

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaJobs jobs;

    @Autowired
    TestUsers users;

    @Test
    void thePeopleWithAPlaceAreRemindedOnceTheDayBefore() {
        Instant now = Instant.now();
        var animator = users.staff(Role.ANIMATEUR, POLE).current();
        Instant tomorrow = now.plus(Duration.ofHours(20));
        String soon = agenda.create(animator, new NewEvent(POLE, null, "Rencontre des bénévoles " + TestUsers.letters(4), "",
                EventTheme.MEETUP, tomorrow, tomorrow.plus(Duration.ofHours(2)), null, "Salle des fêtes", 1));
        Instant later = now.plus(Duration.ofDays(3));
        String notYet = agenda.create(animator, new NewEvent(POLE, null, "Forum " + TestUsers.letters(4), "",
                EventTheme.MEETUP, later, later.plus(Duration.ofHours(2)), null, "", null));
        String withPlace = TestUsers.uniqueEmail("morgane");
        String waiting = TestUsers.uniqueEmail("erwan");
        String inThreeDays = TestUsers.uniqueEmail("katell");
        agenda.register(soon, "Morgane", withPlace);
        agenda.register(soon, "Erwan", waiting);
        agenda.register(notYet, "Katell", inThreeDays);
        String calledOff = agenda.create(animator, new NewEvent(POLE, null, "Annulé " + TestUsers.letters(4), "",
                EventTheme.MEETUP, tomorrow, tomorrow.plus(Duration.ofHours(1)), null, "", null));
        String toldItIsOff = TestUsers.uniqueEmail("nolwenn");
        agenda.register(calledOff, "Nolwenn", toldItIsOff);
        agenda.callOff(animator, calledOff, "Intempéries");

        int first = jobs.run(now);
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(TestMail.body(TestMail.await(withPlace, "Rappel", 1).get(0))).contains("Rencontre des bénévoles")
                .contains("Salle des fêtes");
        jobs.run(now);
        assertThat(TestMail.to(withPlace, "Rappel")).hasSize(1);
        assertThat(TestMail.to(waiting, "Rappel")).isEmpty();
        assertThat(TestMail.to(inThreeDays, "Rappel")).isEmpty();
        assertThat(TestMail.to(toldItIsOff, "Rappel")).isEmpty(); // called off: no reminder
        jobs.run(now.plus(Duration.ofHours(60)));
        assertThat(TestMail.await(inThreeDays, "Rappel", 1)).hasSize(1);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theRegistrantsOfAnEventOverForAYearAreErasedAndTheCountsStay() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        String old = agenda.create(users.staff(Role.ANIMATEUR, POLE).current(), new NewEvent(POLE, null,
                "Forum d’il y a longtemps " + TestUsers.letters(4), "", EventTheme.MEETUP, longAgo,
                longAgo.plus(Duration.ofHours(2)), null, "", null));
        String email = TestUsers.uniqueEmail("ancien");
        jdbc.sql("""
                insert into agenda.registration (event_id, display_name, email, status, token_hash, attended, created_at)
                select id, 'Ancien Participant', :email, 'CONFIRMED', :hash, true, starts_at from agenda.event where slug = :slug
                """).param("email", email).param("hash", "old-" + old).param("slug", old).update();
        jobs.run(Instant.now());
        var row = jdbc.sql("""
                select r.display_name, r.email, r.status, r.attended from agenda.registration r
                join agenda.event e on e.id = r.event_id where e.slug = :slug
                """).param("slug", old).query((rs, n) -> java.util.List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4))).single();
        assertThat(row.get(0)).isEqualTo("Personne anonymisée");
        assertThat((String) row.get(1)).endsWith("@anonyme.invalid").doesNotContain("ancien");
        assertThat(row.subList(2, 4)).containsExactly("CONFIRMED", true);
        assertThat(new org.maillage.support.Session(port).get("/donnees-personnelles").body())
                .contains("effacés 365 jours après l’événement");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
}
