package org.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.agenda.Agenda.NewEvent;
import org.maillage.agenda.Agenda.Registration;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Registration to events on the real database: capacity, the waiting list and its promotion, the
 * same address twice, closed and past events, and who may publish an event.
 */
@MaillageIntegrationTest
class AgendaRegistrationIT {

    static final String POLE = "pole-ess-pays-de-dinan";

    @Autowired
    Agenda agenda;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private String event(User animator, Integer capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        return agenda.create(animator.current(), new NewEvent(POLE, null, "Petit-déjeuner de l’ESS " + TestUsers.letters(5),
                "Rencontre des structures du Pays de Dinan.", EventTheme.BREAKFAST, start, start.plus(Duration.ofHours(2)),
                "22050", "Maison des associations", capacity));
    }

    private long count(String slug, RegistrationStatus status) {
        return jdbc.sql("""
                select count(*) from agenda.registration r join agenda.event e on e.id = r.event_id
                where e.slug = :slug and r.status = :status
                """).param("slug", slug).param("status", status.name()).query(Long.class).single();
    }

    @Test
    void twoPeopleAskingForTheLastPlaceAtOnceExactlyOneGetsIt() throws Exception {
        User animator = users.staff(Role.ANIMATEUR, POLE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String slug = event(animator, 1);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Registration>> both = new ArrayList<>();
                for (String who : List.of("Anne", "Bruno")) {
                    Callable<Registration> ask = () -> {
                        together.await();
                        return agenda.register(slug, who, TestUsers.uniqueEmail(who.toLowerCase()));
                    };
                    both.add(pool.submit(ask));
                }
                List<RegistrationStatus> statuses = new ArrayList<>();
                for (Future<Registration> one : both) {
                    statuses.add(one.get().status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING);
                assertThat(count(slug, RegistrationStatus.CONFIRMED)).isEqualTo(1);
                assertThat(count(slug, RegistrationStatus.WAITING)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPlaceGivenBackGoesToTheFirstPersonWaiting() {
        User animator = users.staff(Role.ANIMATEUR, POLE);
        String slug = event(animator, 2);
        Registration first = agenda.register(slug, "Anne", TestUsers.uniqueEmail("anne"));
        agenda.register(slug, "Bruno", TestUsers.uniqueEmail("bruno"));
        Registration third = agenda.register(slug, "Chloé", TestUsers.uniqueEmail("chloe"));
        Registration fourth = agenda.register(slug, "David", TestUsers.uniqueEmail("david"));
        assertThat(first.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(third.position()).isEqualTo(1);
        assertThat(fourth.position()).isEqualTo(2);
        assertThat(agenda.find(slug).orElseThrow().placesLeft()).isZero();

        assertThat(agenda.cancel(first.token())).contains(slug);
        assertThat(jdbc.sql("select status from agenda.registration where id = :id").param("id", third.id())
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select status from agenda.registration where id = :id").param("id", fourth.id())
                .query(String.class).single()).isEqualTo("WAITING");
        assertThat(count(slug, RegistrationStatus.CONFIRMED)).isEqualTo(2);
        // the same link again changes nothing, a made-up one finds nothing
        assertThat(agenda.cancel(first.token())).contains(slug);
        assertThat(count(slug, RegistrationStatus.CONFIRMED)).isEqualTo(2);
        assertThat(agenda.cancel("x".repeat(43))).isEmpty();
        // a waiting person who gives up promotes nobody
        assertThat(agenda.cancel(fourth.token())).contains(slug);
        assertThat(count(slug, RegistrationStatus.CONFIRMED)).isEqualTo(2);
    }

    @Test
    void theSameAddressTwiceKeepsItsRegistrationAndBadInputIsRefusedInFrench() {
        User animator = users.staff(Role.ANIMATEUR, POLE);
        String slug = event(animator, null);
        String email = TestUsers.uniqueEmail("eve");
        Registration once = agenda.register(slug, "Ève", email);
        Registration twice = agenda.register(slug, "Ève", email.toUpperCase());
        assertThat(twice.id()).isEqualTo(once.id());
        assertThat(twice.token()).isNull();
        assertThat(count(slug, RegistrationStatus.CONFIRMED)).isEqualTo(1);
        assertThatThrownBy(() -> agenda.register(slug, "Ève", "pas-une-adresse"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("agenda.registration.email.invalid");
        assertThatThrownBy(() -> agenda.register(slug, " ", TestUsers.uniqueEmail("x")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("agenda.registration.name.invalid");
        jdbc.sql("update agenda.event set registration_open = false where slug = :slug").param("slug", slug).update();
        assertThatThrownBy(() -> agenda.register(slug, "Fanch", TestUsers.uniqueEmail("fanch")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("agenda.registration.closed");
        jdbc.sql("update agenda.event set registration_open = true, starts_at = now() - interval '3 hours', "
                + "ends_at = now() - interval '1 hour' where slug = :slug").param("slug", slug).update();
        assertThatThrownBy(() -> agenda.register(slug, "Fanch", TestUsers.uniqueEmail("fanch")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("agenda.registration.over");
    }

    @Test
    void onlyThePolesAnimatorsAndTheRegionsCoordinatorsPublishItsEvents() {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        NewEvent event = new NewEvent(POLE, null, "Portes ouvertes", "", EventTheme.OPEN_DAY, start,
                start.plus(Duration.ofHours(3)), null, "", 30);
        for (User outsider : List.of(users.staff(Role.ANIMATEUR, "adess-pays-de-brest"), users.staff(Role.FINANCEUR, "53"),
                users.staff(Role.PARTENAIRE, "tag-bzh-29"))) {
            assertThatThrownBy(() -> agenda.create(outsider.current(), event)).isInstanceOf(AccessDeniedException.class);
        }
        String slug = agenda.create(users.staff(Role.COORDINATEUR, "53").current(), event);
        assertThat(agenda.find(slug)).get().extracting(Agenda.EventView::title).isEqualTo("Portes ouvertes");
        String regional = agenda.create(users.staff(Role.COORDINATEUR, "53").current(), new NewEvent(null, "53",
                "Ouverture du Mois de l’ESS", "", EventTheme.MOIS_ESS, start, start.plus(Duration.ofHours(4)), null, "", null));
        assertThat(regional).startsWith("ouverture-du-mois-de-l-ess-");
        assertThatThrownBy(() -> agenda.create(users.staff(Role.ANIMATEUR, POLE).current(), new NewEvent(null, "53",
                "Régional", "", EventTheme.OTHER, start, start.plus(Duration.ofHours(1)), null, "", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agenda.create(users.staff(Role.ANIMATEUR, POLE).current(), new NewEvent(POLE, null,
                "À l’envers", "", EventTheme.OTHER, start, start.minus(Duration.ofHours(1)), null, "", null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("agenda.event.dates.invalid");
    }
}
