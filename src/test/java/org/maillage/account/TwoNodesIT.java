package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.MaillageApplication;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL: the test's own server, and a second one started here on
 * the same database. A session opened on one node is valid on the other, and ending it on one ends
 * it on both: nodes can sit side by side behind a load balancer without sticky sessions.
 */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    @LocalServerPort
    int firstPort;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestUsers users;

    private ConfigurableApplicationContext secondNode;
    private int secondPort;

    @BeforeAll
    void startSecondNode() {
        HikariDataSource database = (HikariDataSource) dataSource;
        secondNode = new SpringApplicationBuilder(MaillageApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.datasource.url", database.getJdbcUrl(),
                "spring.datasource.username", database.getUsername(),
                "spring.datasource.password", database.getPassword() == null ? "" : database.getPassword(),
                // the first node sends the emails of the tests
                "maillage.mail.sender-enabled", "false",
                "spring.datasource.hikari.maximum-pool-size", "3")).run();
        secondPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    /** The same browser, talking to the other node: same cookies. */
    private static Session sameBrowserOn(int port, Session session) {
        return new Session(port).withHeader("Cookie", "MAILLAGE_SESSION=" + session.cookie("MAILLAGE_SESSION").orElseThrow());
    }

    @Test
    void aSessionOpenedOnOneNodeIsValidOnTheOtherAndEndsOnBoth() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session onFirst = new Session(firstPort).signedIn(animator.email());
        Session onSecond = sameBrowserOn(secondPort, onFirst);

        HttpResponse<String> home = onSecond.get("/espace");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(animator.name());
        assertThat(onSecond.get("/api/v1/me").body()).contains(animator.email());

        HttpResponse<String> logout = onSecond.submit("/espace", "/deconnexion", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(onFirst.get("/espace").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/connexion"));
    }

    @Test
    void aDeactivatedAccountLosesItsRightsOnEveryNodeAtTheNextRequest() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session onFirst = new Session(firstPort).signedIn(animator.email());
        Session onSecond = sameBrowserOn(secondPort, onFirst);
        assertThat(onSecond.get("/espace/porteurs").body()).contains("Les porteurs de projet de mes pôles");

        User admin = users.admin();
        new Session(firstPort).signedIn(admin.email()).submit("/admin/utilisateurs/" + animator.id().value(),
                "/admin/utilisateurs/" + animator.id().value() + "/desactivation", Map.of());
        HttpResponse<String> after = onSecond.get("/espace/porteurs");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/connexion"));
    }
}
