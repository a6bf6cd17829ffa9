package org.maillage.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log: every read of a porteur's file is written (who, when, what, from where), nobody
 * can change or erase a row, coordinators search their region and administrators everything, and
 * the porteur sees who opened their file.
 */
@MaillageIntegrationTest
class PorteurFileAuditIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private record Row(Long actor, String actorLabel, String ip, String userAgent, String region) {}

    private long reads(PorteurView porteur) {
        return jdbc.sql("select count(*) from platform.audit_log where action = 'READ' and subject_type = 'PORTEUR_FILE'"
                + " and subject_id = :id").param("id", Long.toString(porteur.id())).query(Long.class).single();
    }

    @Test
    void eachReadOfAFileWritesWhoWhenAndFromWhereAndTheRowCannotBeChanged() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView porteur = users.porteur(animator, "adess-cornouaille");
        Session session = new Session(port).withHeader("X-Forwarded-For", "192.0.2.44")
                .withHeader("User-Agent", "Firefox de test").signedIn(animator.email());

        assertThat(session.get("/espace/porteurs/" + porteur.id()).body()).contains(porteur.email());
        assertThat(session.get("/api/v1/porteurs/" + porteur.id()).body()).contains(porteur.email());
        assertThat(reads(porteur)).isEqualTo(2);
        Row row = jdbc.sql("""
                select actor_user_id, actor_label, ip, user_agent, region_code from platform.audit_log
                where action = 'READ' and subject_id = :id order by id desc limit 1
                """).param("id", Long.toString(porteur.id()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(row.actor()).isEqualTo(animator.id().value());
        assertThat(row.actorLabel()).contains(animator.name());
        assertThat(row.ip()).isEqualTo("192.0.2.44");
        assertThat(row.userAgent()).isEqualTo("Firefox de test");
        assertThat(row.region()).isEqualTo("53");

        // refused reads are not reads
        User otherAnimator = users.staff(Role.ANIMATEUR, "reso-solidaire");
        assertThat(new Session(port).signedIn(otherAnimator.email()).get("/espace/porteurs/" + porteur.id()).statusCode())
                .isEqualTo(403);
        assertThat(reads(porteur)).isEqualTo(2);

        assertThatThrownBy(() -> jdbc.sql("update platform.audit_log set actor_label = 'personne' where subject_id = :id")
                .param("id", Long.toString(porteur.id())).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform.audit_log where subject_id = :id")
                .param("id", Long.toString(porteur.id())).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate platform.audit_log").update()).hasMessageContaining("append-only");
        assertThat(reads(porteur)).isEqualTo(2);
    }

    @Test
    void thePorteurSeesWhoOpenedTheirFile() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView porteur = users.porteur(animator, "adess-cornouaille");
        new Session(port).signedIn(animator.email()).get("/espace/porteurs/" + porteur.id());

        Session space = new Session(port).openedSpace(users.magicLinkToken(porteur.userId()));
        String page = space.get("/mon-espace").body();
        assertThat(page).contains("Qui a consulté ou modifié votre dossier").contains(animator.name());
    }

    @Test
    void coordinatorsSearchTheirRegionAndAdministratorsEverything() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        PorteurView porteur = users.porteur(animator, "adess-cornouaille");
        new Session(port).signedIn(animator.email()).get("/espace/porteurs/" + porteur.id());
        String search = "/admin/journal?action=READ&q=" + porteur.id();

        User brittany = users.staff(Role.COORDINATEUR, "53");
        HttpResponse<String> regional = new Session(port).signedIn(brittany.email()).get(search);
        assertThat(regional.statusCode()).isEqualTo(200);
        assertThat(regional.body()).contains(animator.name());

        User paysDeLaLoire = users.staff(Role.COORDINATEUR, "52");
        HttpResponse<String> elsewhere = new Session(port).signedIn(paysDeLaLoire.email()).get(search);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body()).doesNotContain(animator.name());

        Session admin = new Session(port).signedIn(users.admin().email());
        assertThat(admin.get(search).body()).contains(animator.name());
        HttpResponse<String> api = admin.get("/api/v1/admin/audit?action=READ&q=" + porteur.id());
        assertThat(api.body()).contains("\"actorUserId\":" + animator.id().value());

        // the animator cannot search the log at all
        assertThat(new Session(port).signedIn(animator.email()).get(search).statusCode()).isEqualTo(403);
    }

    @Test
    void changesToPersonalDataAreAudited() {
        User admin = users.admin();
        Session session = new Session(port).signedIn(admin.email());
        User partner = users.staff(Role.PARTENAIRE, "kejal");
        HttpResponse<String> deactivated = session.submit("/admin/utilisateurs/" + partner.id().value(),
                "/admin/utilisateurs/" + partner.id().value() + "/desactivation", Map.of());
        assertThat(deactivated.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from platform.audit_log where action = 'DEACTIVATE' and subject_user_id = :id"
                + " and actor_user_id = :admin").param("id", partner.id().value()).param("admin", admin.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }
}
