package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Password login as a browser without JavaScript does it: one answer for every refusal, lock-out
 * after five failures, a rate limit per client address, CSRF, the session cookie and its row in
 * PostgreSQL, logout, and htmx requests of an expired session.
 */
@MaillageIntegrationTest
class LoginIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    /** Each test comes from its own client address (through the trusted local proxy headers). */
    private final String clientIp = "203.0.113." + (1 + (int) (Math.random() * 250));

    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from account.login_failure where ip like '203.0.113.%'").update();
    }

    private Session visitor() {
        return new Session(port).withHeader("X-Forwarded-For", clientIp);
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        HttpResponse<String> wrongPassword = visitor().login(animator.email(), "Pas-le-bon-mot-2026");
        HttpResponse<String> unknown = visitor().login(TestUsers.uniqueEmail("personne"), "Pas-le-bon-mot-2026");
        for (HttpResponse<String> answer : List.of(wrongPassword, unknown)) {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/connexion?erreur"));
        }
        Session session = visitor();
        session.login(animator.email(), "Pas-le-bon-mot-2026");
        String page = session.get("/connexion?erreur").body();
        assertThat(page).contains("Adresse ou mot de passe incorrect, ou compte bloqué")
                .contains("<title>Erreur : se connecter — Maillage</title>");
    }

    @Test
    void fiveFailuresLockTheAccountForAWhileEvenWithTheRightPassword() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        for (int i = 0; i < 5; i++) {
            assertThat(visitor().login(animator.email(), "Mauvais-essai-" + i + "-2026").headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("?erreur"));
        }
        assertThat(jdbc.sql("select locked_until > now() + interval '14 minutes' from account.user_account where id = :id")
                .param("id", animator.id().value()).query(Boolean.class).single()).isTrue();

        HttpResponse<String> rightPasswordWhileLocked = visitor().login(animator.email(), TestUsers.PASSWORD);
        assertThat(rightPasswordWhileLocked.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("?erreur"));

        // fifteen minutes later
        jdbc.sql("update account.user_account set locked_until = now() - interval '1 second' where id = :id")
                .param("id", animator.id().value()).update();
        HttpResponse<String> later = visitor().login(animator.email(), TestUsers.PASSWORD);
        assertThat(later.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/espace"));
        assertThat(jdbc.sql("select failed_logins from account.user_account where id = :id")
                .param("id", animator.id().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void aClientTryingManyAddressesIsStoppedAfterThirtyFailures() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        for (int i = 0; i < 30; i++) {
            visitor().login(TestUsers.uniqueEmail("essai"), "Pas-le-bon-mot-2026");
        }
        HttpResponse<String> fromThatClient = visitor().login(animator.email(), TestUsers.PASSWORD);
        assertThat(fromThatClient.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("?erreur"));
        // the account itself is not locked: from another address it signs in
        HttpResponse<String> fromElsewhere = new Session(port).withHeader("X-Forwarded-For", "198.51.100.7")
                .login(animator.email(), TestUsers.PASSWORD);
        assertThat(fromElsewhere.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/espace"));
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        HttpResponse<String> forged = visitor().post("/connexion", Map.of("email", animator.email(), "motDePasse", TestUsers.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Accès refusé");
    }

    @Test
    void theSessionIsAnHttpOnlyCookieStoredInPostgresqlAndRenewedAtLogin() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = visitor();
        session.get("/connexion");
        String before = session.cookie("MAILLAGE_SESSION").orElseThrow();
        HttpResponse<String> login = session.login(animator.email(), TestUsers.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MAILLAGE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        String after = session.cookie("MAILLAGE_SESSION").orElseThrow();
        assertThat(after).as("a new session id at login (no session fixation)").isNotEqualTo(before);

        String sessionId = new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id")
                .param("id", sessionId).query(String.class).single()).isEqualTo(String.valueOf(animator.id().value()));
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id")
                .param("id", new String(Base64.getDecoder().decode(before), StandardCharsets.UTF_8)).query(Long.class).single())
                .isZero();
    }

    @Test
    void noPasswordHashIsKeptInTheSessionStore() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = visitor().signedIn(animator.email());
        assertThat(session.get("/espace").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name = 'SPRING_SECURITY_CONTEXT'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes"
                        + " where position(convert_to('{bcrypt}', 'UTF8') in attribute_bytes) > 0")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLockedAccountStaysLockedNoLongerThanItsDurationWhateverIsTriedMeanwhile() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        for (int i = 0; i < 5; i++) {
            visitor().login(animator.email(), "Mauvais-essai-" + i + "-2026");
        }
        java.sql.Timestamp lockedUntil = jdbc.sql("select locked_until from account.user_account where id = :id")
                .param("id", animator.id().value()).query(java.sql.Timestamp.class).single();
        for (int i = 0; i < 3; i++) {
            visitor().login(animator.email(), "Encore-un-essai-" + i + "-2026");
        }
        assertThat(jdbc.sql("select locked_until from account.user_account where id = :id")
                .param("id", animator.id().value()).query(java.sql.Timestamp.class).single())
                .as("attempts while locked do not extend the lock").isEqualTo(lockedUntil);
        // once the lock has run out, one more failure does not lock again: counting starts afresh
        jdbc.sql("update account.user_account set locked_until = now() - interval '1 second' where id = :id")
                .param("id", animator.id().value()).update();
        visitor().login(animator.email(), "Encore-raté-2026");
        assertThat(visitor().login(animator.email(), TestUsers.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/espace"));
    }

    @Test
    void behindTheTlsProxyTheCookieIsSecure() {
        HttpResponse<String> loginPage = visitor().withHeader("X-Forwarded-Proto", "https").get("/connexion");
        assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("MAILLAGE_SESSION=").contains("Secure").contains("HttpOnly"));
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000"));
        assertThat(visitor().get("/connexion").headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void logoutEndsTheSessionEverywhere() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = visitor().signedIn(animator.email());
        String sessionId = new String(Base64.getDecoder().decode(session.cookie("MAILLAGE_SESSION").orElseThrow()),
                StandardCharsets.UTF_8);
        assertThat(session.get("/espace").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = session.submit("/espace", "/deconnexion", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single()).isZero();
        assertThat(session.get("/espace").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/connexion"));
    }

    @Test
    void anHtmxRequestOfAnExpiredSessionReloadsTheWholePageOnTheLoginPage() {
        Session expired = visitor().withHeader("Cookie", "MAILLAGE_SESSION="
                + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> fragment = expired.get("/admin/utilisateurs?q=dupont", "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValueSatisfying(to -> assertThat(to).endsWith("/connexion"));
        assertThat(fragment.body()).isEmpty();
    }

    @Test
    void theApiAnswersAProblemToAVisitor() {
        HttpResponse<String> me = visitor().get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
