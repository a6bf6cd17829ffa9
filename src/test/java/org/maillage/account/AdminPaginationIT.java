package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administration's long lists come in pages (50 audit rows, 25 accounts), with links that keep the search. */
@MaillageIntegrationTest
class AdminPaginationIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAuditLogAndTheAccountsArePagedKeepingTheSearch() {
        String mark = "pagination" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    insert into platform.audit_log (actor_label, action, subject_type, subject_id, region_code)
                    values ('Test', 'READ', 'PORTEUR_FILE', :id, '53')
                    """).param("id", mark + "-" + i).update();
            long user = jdbc.sql("""
                    insert into account.user_account (email, display_name, status) values (:email, :name, 'ACTIVE') returning id
                    """).param("email", mark + "-" + i + "@test.maillage.localhost").param("name", "Compte " + mark + " " + i)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into account.role_grant (user_id, role, scope_type, scope_code, scope_label, region_code)
                    values (:user, 'FINANCEUR', 'DEPARTEMENT', '29', 'Finistère (29)', '53')
                    """).param("user", user).update();
        }
        Session admin = new Session(port).signedIn(users.admin().email());

        String journal = admin.get("/admin/journal?q=" + mark).body();
        assertThat(journal).contains("Page 1 sur 2").contains("Page suivante").doesNotContain("Page précédente")
                .containsPattern("/admin/journal\\?q=" + mark + "&amp;[^\"]*page=1\"");
        assertThat(admin.get("/admin/journal?q=" + mark + "&page=1").body()).contains("Page 2 sur 2")
                .contains("Page précédente").contains(mark + "-0<");

        String accounts = admin.get("/admin/utilisateurs?q=" + mark).body();
        assertThat(accounts).contains("Page 1 sur 3").containsPattern("/admin/utilisateurs\\?q=" + mark + "&amp;[^\"]*page=1\"");
        assertThat(admin.get("/admin/utilisateurs?q=" + mark + "&page=2").body()).contains("Page 3 sur 3")
                .contains("Page précédente").doesNotContain("Page suivante");
    }
}
