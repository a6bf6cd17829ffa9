package org.maillage.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.platform.NotFoundException;
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
 * What the journey never lets happen to a porteur's data: the public form neither changes a known
 * person's file nor tells which addresses are the staff's; a partner answers only what is theirs to
 * answer, through links that expire; a withdrawn consent stays withdrawn; an erased person leaves no
 * name, address, open referral or unsent email behind.
 */
@MaillageIntegrationTest
class JourneyPrivacyIT {

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

    private Map<String, String> intake(String email, String phone) {
        return JourneyFixtures.intakeFields("Gael Intrus", email, phone, "Une idee " + TestUsers.letters(6), "Loudéac");
    }

    private long submitted(String email) {
        return JourneyFixtures.submitted(journeys, "Nolwenn Secret", email, "06 11 22 33 44", false);
    }

    private CurrentUser porteur(String email) {
        return JourneyFixtures.porteur(jdbc, email);
    }

    private String column(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).single();
    }

    @Test
    void thePublicFormNeitherChangesAKnownFileNorTellsWhichAddressesAreTheStaffs() {
        // a known porteur's phone stays theirs, whoever sends the form with their address
        String email = TestUsers.uniqueEmail("connu");
        submitted(email);
        Session stranger = new Session(port).withHeader("X-Forwarded-For", JourneyFixtures.newAddress());
        assertThat(stranger.submit("/je-porte-un-projet", "/je-porte-un-projet", intake(email, "07 99 99 99 99"))
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select phone || '|' || display_name from journey.porteur where email = :email")
                .param("email", email).query(String.class).single()).isEqualTo("06 11 22 33 44|Nolwenn Secret");

        // a staff address gets the same answer as anyone; its mailbox learns why nothing was recorded
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        HttpResponse<String> answer = stranger.submit("/je-porte-un-projet", "/je-porte-un-projet",
                intake(animator.email(), ""));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/je-porte-un-projet/merci");
        assertThat(jdbc.sql("select count(*) from journey.porteur where email = :email").param("email", animator.email())
                .query(Long.class).single()).isZero();
        assertThat(TestMail.body(TestMail.await(animator.email(), "rien n'a été enregistré", 1).get(0)))
                .contains("adresse personnelle");
    }

    @Test
    void aPartnerAnswersOnlyWhatIsTheirsThroughLinksThatExpire() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        long project = submitted(TestUsers.uniqueEmail("lien"));
        long other = submitted(TestUsers.uniqueEmail("autre"));
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");

        // a referral named under another project's address is not found, and nothing is sent
        Session pole = new Session(port).signedIn(animator.email());
        assertThat(pole.submit("/espace/parcours/" + project, "/espace/parcours/" + other + "/orientations/" + referral
                + "/envoyer", Map.of()).statusCode()).isEqualTo(404);
        assertThat(column("select status from journey.referral where id = :id", referral)).isEqualTo("PROPOSED");
        // an operator nobody can receive it for: refused, in French
        long nobody = journeys.propose(animator.current(), project, "terre-de-liens-foncier");
        journeys.recordConsent(animator.current(), project, "terre-de-liens-bretagne");
        assertThatThrownBy(() -> journeys.send(animator.current(), project, nobody))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("referral.noRecipient");
        // consent to an operator no referral of the project concerns: not found
        assertThatThrownBy(() -> journeys.recordConsent(animator.current(), project, "kejal"))
                .isInstanceOf(NotFoundException.class);

        journeys.send(animator.current(), project, referral);
        String link = TestMail.link(TestMail.await(tag.email(), "/orientations/reponse", 1).get(0), "/orientations/reponse");
        String token = link.substring(link.indexOf("jeton=") + 6);
        Session partner = new Session(port);
        String page = partner.get(link).body();
        assertThat(page).contains("value=\"ACCEPTED\"").contains("value=\"DECLINED\"").doesNotContain("value=\"ABANDONED\"");
        // closing an unanswered referral without a reason is not the partner's to do
        HttpResponse<String> abandon = partner.submit(link, "/orientations/reponse",
                Map.of("jeton", token, "decision", "ABANDONED", "message", "Je ferme"));
        assertThat(abandon.statusCode()).isEqualTo(400);
        assertThat(abandon.body()).contains("id=\"decision-error\"").contains("Je ferme");
        assertThat(column("select status from journey.referral where id = :id", referral)).isEqualTo("SENT");

        // the pôle sends a new link; an expired one no longer opens anything
        assertThat(pole.submit("/espace/parcours/" + project, "/espace/parcours/" + project + "/orientations/" + referral
                + "/renvoyer", Map.of()).statusCode()).isEqualTo(302);
        String fresh = TestMail.link(TestMail.await(tag.email(), "Voici un nouveau lien", 1).get(0), "/orientations/reponse");
        jdbc.sql("update journey.referral_link set expires_at = now() - interval '1 minute' where referral_id = :id"
                + " and created_at = (select min(created_at) from journey.referral_link where referral_id = :id)")
                .param("id", referral).update();
        assertThat(partner.get(link).statusCode()).isEqualTo(404);
        assertThat(partner.get(fresh).body()).contains("Nolwenn Secret");
    }

    @Test
    void aConsentThePorteurWithdrewStaysWithdrawnAndTheirUnansweredReferralComesBackToThePole() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        String email = TestUsers.uniqueEmail("retrait");
        long project = submitted(email);
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");
        journeys.send(animator.current(), project, referral);
        String link = TestMail.link(TestMail.await(tag.email(), "/orientations/reponse", 1).get(0), "/orientations/reponse");

        spaces.setConsent(porteur(email), "tag-bzh-22", false);
        assertThat(column("select status || ' ' || (sent_at is null) from journey.referral where id = :id", referral))
                .isEqualTo("PROPOSED true");
        assertThat(new Session(port).get(link).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> journeys.recordConsent(animator.current(), project, "tag-bzh-22"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("consent.withdrawnByPorteur");
        assertThatThrownBy(() -> journeys.send(animator.current(), project, referral))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("referral.noConsent");
        // an operator the person has nothing to do with cannot be consented to from their space
        assertThatThrownBy(() -> spaces.setConsent(porteur(email), "kejal", true)).isInstanceOf(NotFoundException.class);
        // given back by the person, it can be sent again
        spaces.setConsent(porteur(email), "tag-bzh-22", true);
        journeys.send(animator.current(), project, referral);
        assertThat(column("select status from journey.referral where id = :id", referral)).isEqualTo("SENT");
    }

    @Test
    void anErasedPersonLeavesNoNameAddressOpenReferralNorUnsentEmailBehind() {
        User animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        User tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        String email = TestUsers.uniqueEmail("efface");
        long project = submitted(email);
        long referral = journeys.propose(animator.current(), project, "tag-bzh-22-ideateur");
        journeys.recordConsent(animator.current(), project, "tag-bzh-22");
        journeys.send(animator.current(), project, referral);
        TestMail.await(tag.email(), "/orientations/reponse", 1);
        CurrentUser person = porteur(email);
        spaces.setConsent(person, "tag-bzh-22", true); // nothing changes: already given
        // an email to them still waiting in the outbox (as when SMTP is down)
        jdbc.sql("insert into platform.outbox_email (recipient, subject, body, next_attempt_at) values (:to, 'Test', 'Nolwenn Secret', now() + interval '1 day')")
                .param("to", email).update();

        spaces.requestErasure(person);
        journeys.confirmErasure(animator.current(), project);

        String everything = jdbc.sql("""
                select coalesce(string_agg(t.actor_label || ' ' || t.text, ' '), '') from journey.timeline_event t where t.project_id = :id
                """).param("id", project).query(String.class).single()
                + jdbc.sql("select coalesce(string_agg(scope_label, ' '), '') from account.role_grant where user_id = :user")
                        .param("user", person.id().value()).query(String.class).single();
        assertThat(everything).doesNotContain("Nolwenn").doesNotContain(email);
        assertThat(column("select status from journey.referral where id = :id", referral)).isEqualTo("ABANDONED");
        assertThat(jdbc.sql("select count(*) from journey.referral_link where referral_id = :id").param("id", referral)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from journey.consent c join journey.project p on p.porteur_id = c.porteur_id"
                + " where p.id = :id").param("id", project).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from platform.outbox_email where lower(recipient) = lower(:to) or body like '%' || :to || '%'")
                .param("to", email).query(Long.class).single()).isZero();
    }
}
