package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.journey.PorteurView;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A porteur's account and the staff's accounts never mix: a staff address cannot become a
 * porteur's, a second pôle cannot take over a porteur's file, a magic link never opens staff rights,
 * and the administration does not list porteurs.
 */
@MaillageIntegrationTest
class PorteurAccountSeparationIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> register(Session animator, String name, String email) {
        return animator.submit("/espace/porteurs/nouveau", "/espace/porteurs/nouveau", Map.of(
                "displayName", name, "email", email, "phone", "", "poleSlug", "reso-solidaire", "consent", "true",
                "sendSpaceLink", "false"));
    }

    private long filesOf(String email) {
        return jdbc.sql("select count(*) from journey.porteur where lower(email) = lower(:email)").param("email", email)
                .query(Long.class).single();
    }

    @Test
    void aStaffAddressIsRefusedForAPorteurWithAFrenchMessageAndNothingIsWritten() {
        User colleague = users.staff(Role.COORDINATEUR, "53");
        Session animator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "reso-solidaire").email());
        HttpResponse<String> answer = register(animator, "Un collègue", colleague.email());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("Cette adresse est celle d’un compte de l’équipe du réseau")
                .contains("value=\"Un coll");
        assertThat(filesOf(colleague.email())).isZero();
        assertThat(jdbc.sql("select count(*) from account.role_grant where user_id = :id and role = 'PORTEUR'")
                .param("id", colleague.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aPorteurAlreadyWelcomedElsewhereIsNotTakenOverNorRevealed() {
        User cornouaille = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView porteur = users.porteur(cornouaille, "adess-cornouaille");
        long auditRows = jdbc.sql("select count(*) from platform.audit_log where subject_user_id = :id")
                .param("id", porteur.userId().value()).query(Long.class).single();

        Session rennes = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "reso-solidaire").email());
        HttpResponse<String> answer = register(rennes, "Autre nom", porteur.email());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("Une personne est déjà enregistrée avec cette adresse : rien n’a été modifié")
                .doesNotContain("ADESS Cornouaille");
        assertThat(jdbc.sql("select display_name || ' ' || pole_slug from journey.porteur where id = :id")
                .param("id", porteur.id()).query(String.class).single()).isEqualTo(porteur.displayName() + " adess-cornouaille");
        assertThat(jdbc.sql("select count(*) from platform.audit_log where subject_user_id = :id")
                .param("id", porteur.userId().value()).query(Long.class).single()).isEqualTo(auditRows);
    }

    @Test
    void aMagicLinkOfAnAccountThatAlsoHoldsStaffRightsOpensThePorteursRightsOnly() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView someoneElse = users.porteur(animator, "adess-cornouaille");
        // an account holding both (as older data could): the link must not carry the animator's rights
        jdbc.sql("""
                insert into account.role_grant (user_id, role, scope_type, scope_code, scope_label)
                values (:id, 'PORTEUR', 'SELF', :code, 'porteur')
                """).param("id", animator.id().value()).param("code", Long.toString(animator.id().value())).update();
        Session space = new Session(port).openedSpace(users.magicLinkToken(animator.id()));
        assertThat(space.get("/api/v1/porteurs/" + someoneElse.id()).statusCode()).isEqualTo(403);
        assertThat(space.get("/espace/porteurs/" + someoneElse.id()).statusCode()).isEqualTo(403);
        assertThat(space.get("/api/v1/me").body()).doesNotContain("ANIMATEUR");
        // and a password login of the same account does not carry the porteur's
        Session staff = new Session(port).signedIn(animator.email());
        assertThat(staff.get("/api/v1/me").body()).contains("ANIMATEUR").doesNotContain("PORTEUR");
        assertThat(staff.get("/mon-espace").statusCode()).isEqualTo(403);
    }

    @Test
    void theAdministrationNeitherListsNorOpensPorteursAccounts() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView porteur = users.porteur(animator, "adess-cornouaille");
        Session admin = new Session(port).signedIn(users.admin().email());
        String local = porteur.email().substring(0, porteur.email().indexOf('@'));
        assertThat(admin.get("/admin/utilisateurs?q=" + local).body()).doesNotContain(porteur.email());
        assertThat(admin.get("/admin/utilisateurs/" + porteur.userId().value()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/utilisateurs").body()).doesNotContain("value=\"PORTEUR\"");
        String animatorLocal = animator.email().substring(0, animator.email().indexOf('@'));
        assertThat(admin.get("/admin/utilisateurs?q=" + animatorLocal).body()).contains(animator.email());
    }
}
