package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nobody floods a mailbox or the outbox through "mot de passe oublié" or the porteur's link page. */
@MaillageIntegrationTest
class LinkRequestLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetRequests() {
        jdbc.sql("delete from account.link_request where ip like '203.0.113.%'").update();
    }

    private HttpResponse<String> askReset(String fromIp, String email) {
        return new Session(port).withHeader("X-Forwarded-For", fromIp)
                .submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", Map.of("email", email));
    }

    private long queued(String email) {
        return jdbc.sql("select count(*) from platform.outbox_email where recipient = :to").param("to", email)
                .query(Long.class).single();
    }

    @Test
    void anAccountGetsAtMostThreeLinksAnHourWithTheSameAnswerEachTime() {
        User partner = users.staff(Role.PARTENAIRE, "kejal");
        long before = queued(partner.email());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = askReset("203.0.113." + (10 + i), partner.email());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Si un compte existe pour cette adresse");
        }
        assertThat(queued(partner.email()) - before).isEqualTo(3);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> TestMail.to(partner.email()).size() == 1 + 3);
    }

    @Test
    void aClientAskingTooOftenIsToldToWait() {
        String ip = "203.0.113.200";
        for (int i = 0; i < 20; i++) {
            assertThat(askReset(ip, TestUsers.uniqueEmail("personne")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> tooMany = askReset(ip, TestUsers.uniqueEmail("personne"));
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.body()).contains("Trop de demandes de lien depuis votre connexion");
        HttpResponse<String> magic = new Session(port).withHeader("X-Forwarded-For", ip)
                .submit("/mon-espace/connexion", "/mon-espace/connexion", Map.of("email", TestUsers.uniqueEmail("p")));
        assertThat(magic.statusCode()).isEqualTo(429);
        assertThat(askReset("203.0.113.201", TestUsers.uniqueEmail("personne")).statusCode()).isEqualTo(200);
    }
}
