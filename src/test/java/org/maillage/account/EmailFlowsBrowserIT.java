package org.maillage.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The emailed links end to end, in a real Chromium with the real SMTP test server: an invitation
 * sent from the administration pages, a forgotten password, and a porteur's magic link sent by
 * their animator; each link works once, and an expired one is refused. Pages are checked with axe.
 */
@MaillageIntegrationTest
class EmailFlowsBrowserIT extends BrowserTest {

    static final String NEW_PASSWORD = "Trois-pommes-et-un-Kouign-2026";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static void assertAccessible(Page page, String what) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as(what).isEmpty();
    }

    private static void assertLinkRefused(Page page, String link, String url) {
        Response again = page.navigate(url + link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ce lien ne fonctionne plus");
    }

    @Test
    void anInvitedPersonSetsAPasswordOnceAndArrivesInTheirSpace() {
        User admin = users.admin();
        Page adminPage = open("/connexion");
        signIn(adminPage, admin.email(), TestUsers.PASSWORD);
        adminPage.waitForURL("**/espace");
        adminPage.navigate(url("/admin/utilisateurs/inviter"));
        assertThat(adminPage.getByLabel("Rôle")).hasValue("ANIMATEUR");
        adminPage.getByLabel("Rôle").selectOption("PARTENAIRE");
        // htmx replaces the form with the scopes of the chosen role
        adminPage.getByLabel("Organisation partenaire").selectOption("kejal");
        String invited = TestUsers.uniqueEmail("nolwenn");
        adminPage.getByLabel("Nom de la personne").fill("Nolwenn Le Gall");
        adminPage.getByLabel("Adresse électronique de la personne").fill(invited);
        assertAccessible(adminPage, "invitation form");
        adminPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l’invitation")).click();
        assertThat(adminPage.getByText("Invitation envoyée.")).isVisible();

        MimeMessage email = TestMail.await(invited, 1).get(0);
        assertThat(TestMail.body(email)).contains("Bonjour Nolwenn Le Gall").contains("Partenaire : Scic Kejal (formation CREOPSS)")
                .contains("valable 7 jours");
        String link = TestMail.link(email, "/invitation?jeton=");

        Page page = open(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bienvenue sur Maillage");
        assertThat(page.getByText("Partenaire — Scic Kejal (formation CREOPSS)")).isVisible();
        assertAccessible(page, "invitation page");

        // a weak password: a French message next to the field, nothing lost
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("motdepasse");
        page.getByLabel("Le même mot de passe, pour confirmer").fill("motdepasse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer mon compte")).click();
        assertThat(page.getByText("Le mot de passe doit compter au moins 12 caractères.")).isVisible();
        assertThat(page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Votre nom, tel qu’il apparaîtra")).hasValue("Nolwenn Le Gall");
        assertThat(page).hasTitle("Erreur : activer mon compte — Maillage");
        assertAccessible(page, "invitation page with an error");

        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
        page.getByLabel("Le même mot de passe, pour confirmer").fill(NEW_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer mon compte")).click();
        page.waitForURL("**/espace");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bonjour Nolwenn Le Gall");

        assertLinkRefused(open("/"), link, url(""));
        Page later = open("/connexion");
        signIn(later, invited, NEW_PASSWORD);
        later.waitForURL("**/espace");
        assertNoPasswordHashInSessions();
    }

    /** Signing in from a link keeps no password hash in the session table (nor in its backups). */
    private void assertNoPasswordHashInSessions() {
        assertThat(jdbc.sql("select count(*) from spring_session_attributes"
                        + " where position(convert_to('{bcrypt}', 'UTF8') in attribute_bytes) > 0")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aForgottenPasswordIsReplacedThroughAnEmailedLinkThatWorksOnceAndExpires() {
        User partner = users.staff(Role.PARTENAIRE, "kejal");
        Page page = open("/connexion");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mot de passe oublié ?")).click();
        page.getByLabel("Adresse électronique").fill(partner.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir le lien")).click();
        assertThat(page.getByText("Si un compte existe pour cette adresse")).isVisible();
        assertAccessible(page, "forgotten password page");

        // an unknown address gets the same answer, and no email
        String unknown = TestUsers.uniqueEmail("inconnu");
        Page other = open("/mot-de-passe-oublie");
        other.getByLabel("Adresse électronique").fill(unknown);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir le lien")).click();
        assertThat(other.getByText("Si un compte existe pour cette adresse")).isVisible();

        String link = TestMail.link(TestMail.await(partner.email(), 2).get(1), "/mot-de-passe/nouveau?jeton=");
        page.navigate(url(link));
        assertThat(page.getByText("Pour le compte " + partner.email() + ".")).isVisible();
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
        page.getByLabel("Le même mot de passe, pour confirmer").fill(NEW_PASSWORD + "x");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon mot de passe")).click();
        assertThat(page.getByText("Les deux mots de passe ne sont pas identiques.")).isVisible();
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
        page.getByLabel("Le même mot de passe, pour confirmer").fill(NEW_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon mot de passe")).click();
        page.waitForURL("**/espace");
        assertNoPasswordHashInSessions();

        assertLinkRefused(open("/"), link, url(""));
        assertThat(TestMail.to(unknown)).isEmpty();

        // a fresh link, left unused past its hour
        Page again = open("/mot-de-passe-oublie");
        again.getByLabel("Adresse électronique").fill(partner.email());
        again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir le lien")).click();
        String expiring = TestMail.link(TestMail.await(partner.email(), 3).get(2), "/mot-de-passe/nouveau?jeton=");
        jdbc.sql("update account.one_time_token set expires_at = now() - interval '1 second'"
                + " where user_id = :id and purpose = 'PASSWORD_RESET' and used_at is null")
                .param("id", partner.id().value()).update();
        Page expired = open("/");
        assertLinkRefused(expired, expiring, url(""));
        assertThat(expired.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demander un nouveau lien"))).isVisible();
        assertAccessible(expired, "expired link page");
    }

    @Test
    void aPorteurOpensTheirSpaceFromTheLinkTheirAnimatorSentAndSeesWhoReadTheirFile() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Page page = open("/connexion");
        signIn(page, animator.email(), TestUsers.PASSWORD);
        page.waitForURL("**/espace");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enregistrer un porteur de projet")).click();
        String porteurEmail = TestUsers.uniqueEmail("maelys");
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Maëlys Riou");
        page.getByLabel("Courriel").fill(porteurEmail);
        page.getByLabel("La personne accepte d’être recontactée").check();
        page.getByLabel("Lui envoyer un lien vers son espace porteur").check();
        assertAccessible(page, "new porteur form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByText("un lien vers son espace lui a été envoyé")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Maëlys Riou");

        MimeMessage email = TestMail.await(porteurEmail, 1).get(0);
        assertThat(TestMail.body(email)).contains("Bonjour Maëlys Riou").contains("valable 30 minutes");
        String link = TestMail.link(email, "/mon-espace/lien?jeton=");

        Page phone = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true), link);
        assertAccessible(phone, "magic link page");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir mon espace")).click();
        phone.waitForURL("**/mon-espace");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bonjour Maëlys Riou");
        assertThat(phone.getByRole(AriaRole.TABLE)).containsText(animator.name());
        assertAccessible(phone, "porteur's space");

        assertLinkRefused(open("/"), link, url(""));
    }

    @Test
    void anHtmxRequestAfterTheSessionExpiredTakesTheWholePageToTheLoginPage() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        Page page = open("/connexion");
        signIn(page, coordinator.email(), TestUsers.PASSWORD);
        page.waitForURL("**/espace");
        page.navigate(url("/admin/utilisateurs"));
        assertAccessible(page, "users page");
        page.context().clearCookies();
        page.getByLabel("Nom ou adresse").fill("le gall");
        page.waitForURL("**/connexion");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Se connecter");
    }

    /** The README's screenshots: {@code ./mvnw verify -Dit.test=EmailFlowsBrowserIT -Dmaillage.screenshots=docs/screenshots}. */
    @Test
    @EnabledIfSystemProperty(named = "maillage.screenshots", matches = ".+")
    void screenshotsForTheReadme() {
        Path folder = Path.of(System.getProperty("maillage.screenshots"));
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        users.staff(Role.PARTENAIRE, "kejal");
        users.staff(Role.FINANCEUR, "29");
        jdbc.sql("update account.user_account set display_name = 'Camille Le Bihan' where id = :id")
                .param("id", coordinator.id().value()).update();
        jdbc.sql("update account.user_account set display_name = 'Annaïg Morvan' where id = :id")
                .param("id", animator.id().value()).update();

        Page animatorPage = open("/connexion");
        signIn(animatorPage, animator.email(), TestUsers.PASSWORD);
        animatorPage.waitForURL("**/espace");
        animatorPage.navigate(url("/espace/porteurs/nouveau"));
        String porteurEmail = TestUsers.uniqueEmail("maelys");
        animatorPage.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Maëlys Riou");
        animatorPage.getByLabel("Courriel").fill(porteurEmail);
        animatorPage.getByLabel("La personne accepte d’être recontactée").check();
        animatorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(animatorPage.getByText("Porteur de projet enregistré")).isVisible();
        UserId porteur = new UserId(jdbc.sql("select id from account.user_account where email = :email")
                .param("email", porteurEmail).query(Long.class).single());

        Page page = open(new Browser.NewContextOptions().setViewportSize(1200, 800), "/connexion");
        signIn(page, coordinator.email(), TestUsers.PASSWORD);
        page.waitForURL("**/espace");
        page.navigate(url("/admin/utilisateurs"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("admin-users.png")));
        page.navigate(url("/admin/journal"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("audit-log.png")));

        Page phone = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2), "/mon-espace/lien?jeton=" + users.magicLinkToken(porteur));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir mon espace")).click();
        phone.waitForURL("**/mon-espace");
        phone.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("porteur-space-phone.png")).setFullPage(true));
    }
}
