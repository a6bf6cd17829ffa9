package org.maillage.support;

import java.util.List;
import java.util.UUID;
import org.maillage.account.AccountAdministration;
import org.maillage.account.AccountView;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.UserId;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.maillage.journey.RegisterPorteur;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts for tests, created through the application's own services (then given the test
 * password), each with a fresh email address so that tests sharing the database never collide.
 */
public class TestUsers {

    public static final String PASSWORD = "Test-Mot-de-passe-2026";

    /** A test account and what it holds. */
    public record User(UserId id, String email, String name, CurrentUser current) {}

    private final AccountAdministration administration;
    private final Porteurs porteurs;
    private final JdbcClient jdbc;
    private final String passwordHash;

    public TestUsers(AccountAdministration administration, Porteurs porteurs, JdbcClient jdbc, PasswordEncoder encoder) {
        this.administration = administration;
        this.porteurs = porteurs;
        this.jdbc = jdbc;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    public static CurrentUser platform() {
        return new CurrentUser(new UserId(0), "tests@maillage", "Tests",
                List.of(new Grant(Role.ADMINISTRATEUR, ScopeType.PLATFORM, "*", "Plateforme", null)));
    }

    /** {@code n} random letters a–z: a word of a test run that no other run shares. */
    public static String letters(int n) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < n; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

        public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.maillage.localhost";
    }

    /** An active staff account with the test password, holding the role on the scope. */
    public User staff(Role role, String scopeCode) {
        String email = uniqueEmail(role.name().toLowerCase());
        String name = "Test " + role.name().toLowerCase() + " " + scopeCode;
        UserId id = administration.invite(platform(), email, name, role, scopeCode);
        jdbc.sql("update account.user_account set password_hash = :hash, status = 'ACTIVE' where id = :id")
                .param("hash", passwordHash).param("id", id.value()).update();
        return reload(id, email, name);
    }

    public User admin() {
        return staff(Role.ADMINISTRATEUR, "*");
    }

    public User reload(UserId id, String email, String name) {
        AccountView view = administration.find(platform(), id).orElseThrow();
        return new User(id, email, name, new CurrentUser(id, email, view.displayName(),
                view.grants().stream().map(AccountView.GrantView::grant).toList()));
    }

    /**
     * A valid magic link token of the porteur, issued by the test itself (the emailed one is tested
     * end to end in the browser tests).
     */
    public String magicLinkToken(UserId porteur) {
        String token = String.format("%043d", porteur.value());
        jdbc.sql("""
                insert into account.one_time_token (user_id, purpose, token_hash, expires_at)
                values (:user, 'MAGIC_LINK', encode(sha256(convert_to(:token, 'UTF8')), 'hex'), now() + interval '10 minutes')
                """).param("user", porteur.value()).param("token", token).update();
        return token;
    }

    /** A porteur welcomed by the animator's pôle (no email sent). */
    public PorteurView porteur(User animator, String poleSlug) {
        String email = uniqueEmail("porteur");
        return porteurs.register(animator.current(),
                new RegisterPorteur("Porteur " + email.substring(8, 16), email, "", poleSlug, true, false));
    }
}
