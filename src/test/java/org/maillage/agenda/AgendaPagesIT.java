package org.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.agenda.Agenda.NewEvent;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public agenda over HTTP: an event's page, registration without an account (bad input kept, the
 * confirmation email and its link to give the place back), the pôle's iCalendar feed, and who may
 * publish an event.
 */
@MaillageIntegrationTest
class AgendaPagesIT {

    static final String POLE = "pole-ess-pays-de-guingamp";

    @LocalServerPort
    int port;

    @Autowired
    Agenda agenda;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorRegistersGetsTheEmailAndGivesThePlaceBackWithItsLink() {
        Instant start = Instant.now().plus(Duration.ofDays(12));
        String title = "Portes ouvertes de la recyclerie, atelier ; café " + TestUsers.letters(4);
        String slug = agenda.create(users.staff(Role.ANIMATEUR, POLE).current(), new NewEvent(POLE, null, title,
                "Visite et atelier de réparation.", EventTheme.OPEN_DAY, start, start.plus(Duration.ofHours(3)), "22070",
                "12 rue des Ateliers", 1));
        Session visitor = new Session(port);
        HttpResponse<String> page = visitor.get("/agenda/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title.replace("'", "&#39;")).contains("Guingamp").contains("1 place(s) libre(s)");
        assertThat(visitor.get("/agenda?pole=" + POLE).body()).contains(slug);

        String form = "/agenda/" + slug;
        String action = form + "/inscription";
        HttpResponse<String> bad = visitor.submit(form, action, Map.of("displayName", "Maëlle", "email", "maelle@",
                "_consent", "on"));
        assertThat(bad.body()).contains("Indiquez une adresse électronique valide").contains("Cochez la case")
                .contains("value=\"Ma&euml;lle\""); // what was typed is kept
        assertThat(jdbc.sql("select count(*) from agenda.registration r join agenda.event e on e.id = r.event_id "
                + "where e.slug = :s").param("s", slug).query(Long.class).single()).isZero();

        String email = TestUsers.uniqueEmail("maelle");
        HttpResponse<String> done = visitor.submit(form, action, Map.of("displayName", "Maëlle", "email", email,
                "consent", "true"));
        assertThat(done.body()).contains("Votre place est réservée");
        String mail = TestMail.body(TestMail.await(email, "Votre place est réservée", 1).get(0));
        Matcher link = Pattern.compile("/agenda/desinscription\\?jeton=([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(link.find()).isTrue();

        String other = TestUsers.uniqueEmail("yann");
        assertThat(new Session(port).submit(form, action, Map.of("displayName", "Yann", "email", other, "consent", "true"))
                .body()).contains("liste d’attente (position 1)");

        HttpResponse<String> confirm = visitor.get("/agenda/desinscription?jeton=" + link.group(1));
        assertThat(confirm.body()).contains("Libérer ma place");
        HttpResponse<String> cancelled = visitor.submit("/agenda/desinscription?jeton=" + link.group(1),
                "/agenda/desinscription", Map.of("jeton", link.group(1)));
        assertThat(cancelled.body()).contains("votre inscription à");
        assertThat(TestMail.body(TestMail.await(other, "Une place s’est libérée", 1).get(0))).contains(title);
        assertThat(jdbc.sql("select status from agenda.registration where email = :e").param("e", other)
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(visitor.get("/agenda/desinscription?jeton=nimportequoi").body()).contains("ne correspond à aucune");
        assertThat(visitor.get("/agenda/inconnu-" + TestUsers.letters(6)).statusCode()).isEqualTo(404);
    }

    @Test
    void thePolesFeedIsValidICalendar() {
        Instant start = Instant.parse("2026-12-20T09:00:00Z").isAfter(Instant.now()) ? Instant.parse("2026-12-20T09:00:00Z")
                : Instant.now().plus(Duration.ofDays(3));
        String title = "Conférence : l’ESS, ça marche ; et demain, quoi ? " + "x".repeat(60);
        String slug = agenda.create(users.staff(Role.ANIMATEUR, POLE).current(), new NewEvent(POLE, null, title, "",
                EventTheme.CONFERENCE, start, start.plus(Duration.ofHours(2)), null, "", null));
        HttpResponse<String> feed = new Session(port).get("/agenda/ical/" + POLE + ".ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String body = feed.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = body.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:" + slug + "@maillage");
        assertThat(unfolded).contains("SUMMARY:Conférence : l’ESS\\, ça marche \\; et demain\\, quoi ?");
        assertThat(new Session(port).get("/agenda/ical/inconnu.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnimatorsAndCoordinatorsReachThePublishingForm() {
        assertThat(new Session(port).signedIn(users.staff(Role.FINANCEUR, "53").email()).get("/espace/agenda/nouveau")
                .statusCode()).isEqualTo(403);
        assertThat(new Session(port).signedIn(users.staff(Role.PARTENAIRE, "tag-bzh-29").email())
                .get("/espace/agenda/nouveau").statusCode()).isEqualTo(403);
        Session animator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, POLE).email());
        HttpResponse<String> bad = animator.submit("/espace/agenda/nouveau", "/espace/agenda/nouveau",
                Map.of("organiser", POLE, "title", "Atelier", "theme", "TRAINING", "date", "2030-05-12", "start", "10:00",
                        "end", "09:00", "commune", "Zzzzzzz", "capacity", "trente"));
        assertThat(bad.body()).contains("La fin de l’événement doit venir après son début")
                .contains("Cette commune n’existe pas").contains("Saisissez un nombre de places en chiffres");
        // another pôle's organiser chosen by hand is refused
        assertThat(animator.submit("/espace/agenda/nouveau", "/espace/agenda/nouveau", Map.of("organiser",
                "adess-pays-de-brest", "title", "Atelier", "theme", "TRAINING", "date", "2030-05-12", "start", "10:00",
                "end", "12:00")).statusCode()).isEqualTo(403);
        HttpResponse<String> created = animator.submit("/espace/agenda/nouveau", "/espace/agenda/nouveau", Map.of(
                "organiser", POLE, "title", "Atelier compta associative", "theme", "TRAINING", "date", "2030-05-12",
                "start", "10:00", "end", "12:00", "commune", "Guingamp", "capacity", "15"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/agenda/atelier-compta-associative-2030-05-12");
    }

    @Test
    void onlyTheOrganisersSeeWhoRegisteredAndRecordWhoCame() {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        TestUsers.User animator = users.staff(Role.ANIMATEUR, POLE);
        String slug = agenda.create(animator.current(), new NewEvent(POLE, null, "Atelier bénévolat " + TestUsers.letters(4),
                "", EventTheme.TRAINING, start, start.plus(Duration.ofHours(2)), null, "", 1));
        String email = TestUsers.uniqueEmail("soizic");
        long anne = agenda.register(slug, "Soizic Le Goff", email).id();
        agenda.register(slug, "Tanguy", TestUsers.uniqueEmail("tanguy"));

        Session organiser = new Session(port).signedIn(animator.email());
        HttpResponse<String> list = organiser.get("/espace/agenda/" + slug + "/inscrits");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Soizic Le Goff").contains(email).contains("Liste d’attente");
        assertThat(organiser.submit("/espace/agenda/" + slug + "/inscrits", "/espace/agenda/" + slug + "/presences",
                Map.of("registration", Long.toString(anne), "attended", "true")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select attended from agenda.registration where id = :id").param("id", anne)
                .query(Boolean.class).single()).isTrue();
        assertThat(new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email())
                .get("/espace/agenda/" + slug + "/inscrits").statusCode()).isEqualTo(200);

        for (TestUsers.User outsider : java.util.List.of(users.staff(Role.ANIMATEUR, "adess-pays-de-brest"),
                users.staff(Role.FINANCEUR, POLE), users.staff(Role.PARTENAIRE, "tag-bzh-29"))) {
            HttpResponse<String> refused = new Session(port).signedIn(outsider.email()).get("/espace/agenda/" + slug + "/inscrits");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("Soizic");
        }
        assertThat(jdbc.sql("""
                select count(*) from platform.audit_log where action = 'DENIED' and subject_type = 'EVENT_REGISTRANTS'
                    and subject_id = :slug
                """).param("slug", slug).query(Long.class).single()).isEqualTo(3);
        assertThat(new Session(port).get("/espace/agenda/" + slug + "/inscrits").statusCode()).isEqualTo(302);

        // calling it off needs a reason, then tells everyone registered, once
        assertThat(organiser.submit("/espace/agenda/" + slug + "/inscrits", "/espace/agenda/" + slug + "/annulation",
                Map.of("reason", " ")).body()).contains("Dites aux personnes inscrites pourquoi");
        assertThat(organiser.submit("/espace/agenda/" + slug + "/inscrits", "/espace/agenda/" + slug + "/annulation",
                Map.of("reason", "Salle indisponible, nous reprogrammons en janvier.")).statusCode()).isEqualTo(302);
        assertThat(TestMail.body(TestMail.await(email, "est annulé", 1).get(0))).contains("Salle indisponible");
        assertThat(new Session(port).get("/agenda/" + slug).body()).contains("Cet événement est annulé")
                .doesNotContain("S’inscrire</button>");
        assertThat(new Session(port).get("/agenda/ical/" + POLE + ".ics").body()).contains("STATUS:CANCELLED");
        organiser.submit("/espace/agenda/" + slug + "/inscrits", "/espace/agenda/" + slug + "/annulation",
                Map.of("reason", "Encore"));
        assertThat(TestMail.to(email, "est annulé")).hasSize(1);
        assertThat(new Session(port).signedIn(users.staff(Role.FINANCEUR, POLE).email()).submit("/agenda/" + slug,
                "/espace/agenda/" + slug + "/annulation", Map.of("reason", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void organisersChangeAnEventAndMorePlacesGoToThePeopleWaiting() {
        Instant start = Instant.now().plus(Duration.ofDays(8));
        TestUsers.User animator = users.staff(Role.ANIMATEUR, POLE);
        String slug = agenda.create(animator.current(), new NewEvent(POLE, null, "Café-débat " + TestUsers.letters(4), "",
                EventTheme.MEETUP, start, start.plus(Duration.ofHours(2)), null, "", 1));
        agenda.register(slug, "Anne", TestUsers.uniqueEmail("anne"));
        String waiting = TestUsers.uniqueEmail("jakez");
        agenda.register(slug, "Jakez", waiting);

        Session organiser = new Session(port).signedIn(animator.email());
        String form = "/espace/agenda/" + slug + "/modifier";
        HttpResponse<String> page = organiser.get(form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Modifier l’événement").contains("value=\"1\"").contains("Caf&eacute;-d&eacute;bat");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("organiser", POLE, "title", "Café-débat de l’ESS",
                "theme", "MEETUP", "date", "2030-03-03", "start", "18:00", "end", "20:00", "capacity", "0"));
        assertThat(organiser.submit(form, form, fields).body()).contains("Saisissez un nombre de places en chiffres");
        assertThat(agenda.find(slug).orElseThrow().title()).startsWith("Café-débat ");
        fields.put("capacity", "2");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(agenda.find(slug).orElseThrow().title()).isEqualTo("Café-débat de l’ESS");
        assertThat(jdbc.sql("select status from agenda.registration where email = :e").param("e", waiting)
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(TestMail.await(waiting, "Une place s’est libérée", 1)).hasSize(1);
        assertThat(new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-pays-de-brest").email()).get(form)
                .statusCode()).isEqualTo(403);
    }
}
