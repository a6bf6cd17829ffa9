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

        int first = jobs.run(now);
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(TestMail.body(TestMail.await(withPlace, "Rappel", 1).get(0))).contains("Rencontre des bénévoles")
                .contains("Salle des fêtes");
        jobs.run(now);
        assertThat(TestMail.to(withPlace, "Rappel")).hasSize(1);
        assertThat(TestMail.to(waiting, "Rappel")).isEmpty();
        assertThat(TestMail.to(inThreeDays, "Rappel")).isEmpty();
        jobs.run(now.plus(Duration.ofHours(60)));
        assertThat(TestMail.await(inThreeDays, "Rappel", 1)).hasSize(1);
    }
}
