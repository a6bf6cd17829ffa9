package org.maillage.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole path of a porteur, in a real browser: the public intake for a commune of Pôle Centre
 * Bretagne → the right animator sees it → records the first meeting → sends two referrals → one
 * partner declines with a reason, the other accepts from the emailed link → the outcome is recorded →
 * the porteur opens their space, reads the timeline, withdraws a consent and downloads their data.
 */
@MaillageIntegrationTest
class JourneyBrowserIT extends BrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    /**
     * With {@code -Dmaillage.screenshots=docs/screenshots}, the path also takes the README's screenshots:
     * {@code ./mvnw verify -Dit.test=JourneyBrowserIT -Dmaillage.screenshots=docs/screenshots}.
     */
    private static void shot(Page page, String name) {
        String folder = System.getProperty("maillage.screenshots");
        if (folder != null && !folder.isBlank()) {
            boolean phone = name.contains("phone");
            var size = page.viewportSize();
            if (!phone) {
                page.setViewportSize(1280, 1000);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name)).setFullPage(phone));
            page.setViewportSize(size.width, size.height);
        }
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void fromTheIntakeToTheOutcomeAndThePorteursOwnSpace() throws Exception {
        var animator = users.staff(Role.ANIMATEUR, "adess-centre-bretagne");
        var otherAnimator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        var tag = users.staff(Role.PARTENAIRE, "tag-bzh-22");
        var franceActive = users.staff(Role.PARTENAIRE, "france-active-bretagne");
        String word = TestUsers.letters(10);
        String email = TestUsers.uniqueEmail("maiwenn");

        // 1. A visitor (on a phone-sized screen) submits the intake for Loudéac; a first try misses the consent
        Page visitor = open(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113.61")), "/je-porte-un-projet");
        visitor.getByLabel("Votre nom (ou celui du groupe)").fill("Maiwenn Le Bihan");
        visitor.getByLabel("Courriel").fill(email);
        visitor.getByLabel("à plusieurs (un groupe, un collectif)").check();
        visitor.getByLabel("Votre idée, avec vos mots").fill("Une recyclerie " + word + " avec un atelier de reparation de velos.");
        visitor.getByLabel("Votre commune").fill("Loudéac");
        visitor.getByLabel("Où en êtes-vous ?").selectOption("IDEE");
        visitor.getByLabel("financement").check();
        visitor.getByLabel("Comment avez-vous connu le pôle ?").selectOption("EVENT");
        visitor.getByLabel("J’accepte d’être recontacté·e par le pôle ESS de mon territoire au sujet de mon projet.").check();
        click(visitor, "Envoyer ma demande");
        assertThat(visitor.locator("#consentData-error")).containsText("Cochez cette case");
        assertThat(visitor.getByLabel("Votre idée, avec vos mots")).hasValue("Une recyclerie " + word + " avec un atelier de reparation de velos.");
        assertThat(Chromium.seriousAccessibilityViolations(visitor)).as("intake with errors").isEmpty();
        shot(visitor, "intake-phone.png");
        visitor.getByLabel("J’accepte le traitement de mes données pour mon accompagnement, comme le décrit la notice ci-dessous.").check();
        click(visitor, "Envoyer ma demande");
        assertThat(visitor.locator("[role=status]")).containsText("ADESS Centre Bretagne");
        assertThat(TestMail.body(TestMail.await(email, 1).get(0))).contains("ADESS Centre Bretagne");

        // 2. The animator of the pôle sees it among the new requests; another pôle's animator does not
        Page other = signedIn(otherAnimator.email());
        other.navigate(url("/espace/parcours"));
        assertThat(other.locator("body")).not().containsText("Maiwenn Le Bihan");
        Page pole = signedIn(animator.email());
        pole.navigate(url("/espace/parcours?vue=NEW"));
        assertThat(Chromium.seriousAccessibilityViolations(pole)).as("inbox").isEmpty();
        shot(pole, "journey-inbox.png");
        pole.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Maiwenn Le Bihan")).click();
        assertThat(pole.locator("#journey-status")).hasText("nouvelle demande");

        // 3. The first meeting
        pole.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(LocalDate.now().minusDays(1).toString());
        pole.getByLabel("Forme", new Page.GetByLabelOptions().setExact(true)).selectOption("IN_PERSON");
        pole.getByLabel("Notes").fill("Motivee, deux associes, cherche un local.");
        click(pole, "Enregistrer le rendez-vous");
        assertThat(pole.locator("#journey-status")).hasText("en cours");
        assertThat(Chromium.seriousAccessibilityViolations(pole)).as("journey file").isEmpty();

        // 4. Two referrals, each with the porteur's consent heard at the meeting, then sent
        for (String scheme : new String[] {"tag-bzh-22-ideateur", "cap-creation-ess"}) {
            pole.getByLabel("Proposer un autre dispositif").selectOption(scheme);
            click(pole, "Proposer");
            Locator row = pole.locator("tr[data-referral='" + scheme + "']");
            row.getByRole(AriaRole.BUTTON).first().click(); // "La personne accepte de partager avec …"
            pole.locator("tr[data-referral='" + scheme + "']").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Envoyer à"))).click();
            assertThat(pole.locator("tr[data-referral='" + scheme + "'] .referral-status")).hasText("envoyée, en attente de réponse");
        }

        // 5. TAg BZH 22 declines, signed in, with a reason
        Page tagPage = signedIn(tag.email());
        tagPage.navigate(url("/espace/orientations"));
        tagPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Idéateur TAg BZH 22")).first().click();
        assertThat(tagPage.locator("body")).containsText(email);
        assertThat(tagPage.locator("body")).not().containsText("cherche un local"); // the animator's notes stay in the pôle
        tagPage.getByLabel("Nous ne pouvons pas l’accompagner").check();
        click(tagPage, "Envoyer ma réponse");
        assertThat(tagPage.locator("#reason-error")).containsText("Choisissez la raison");
        tagPage.getByLabel("Raison (si vous refusez)").selectOption("FULL");
        tagPage.getByLabel("Message au pôle").fill("Session complete, prochaine en mars.");
        click(tagPage, "Envoyer ma réponse");
        assertThat(tagPage.locator("#referral-status")).hasText("refusée");

        // 6. France Active accepts from the emailed link, without a password
        String link = TestMail.link(TestMail.await(franceActive.email(), "/orientations/reponse", 1).get(0), "/orientations/reponse");
        Page fa = open(link);
        assertThat(Chromium.seriousAccessibilityViolations(fa)).as("partner answer page").isEmpty();
        shot(fa, "referral-answer.png");
        // the journey before the referral was sent to them, not what another partner answered since
        assertThat(fa.locator(".timeline")).containsText("Rendez-vous du");
        assertThat(fa.locator(".timeline")).not().containsText("plus de place");
        fa.getByLabel("Nous acceptons d’accompagner cette personne").check();
        click(fa, "Envoyer ma réponse");
        assertThat(fa.locator("#referral-status")).hasText("acceptée");

        // 7. The animator reads both answers and records the outcome
        pole.reload();
        assertThat(pole.locator("tr[data-referral='tag-bzh-22-ideateur']")).containsText("plus de place");
        assertThat(pole.locator("tr[data-referral='tag-bzh-22-ideateur']")).containsText("Session complete");
        assertThat(pole.locator("tr[data-referral='cap-creation-ess'] .referral-status")).hasText("acceptée");
        pole.getByLabel("Statut", new Page.GetByLabelOptions().setExact(true)).selectOption("CREATED");
        pole.getByLabel("Date (création, adhésion ou arrêt)").fill(LocalDate.now().toString());
        pole.getByLabel("Emplois créés (équivalents temps plein)").fill("1,5");
        click(pole, "Enregistrer");
        assertThat(pole.locator("#journey-status")).hasText("activité créée");
        shot(pole, "journey-file.png");
        assertThat(jdbc.sql("select outcome_jobs from journey.project p join journey.porteur o on o.id = p.porteur_id where o.email = :email")
                .param("email", email).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.5");

        // 8. The porteur opens their space from the acknowledgement, reads the timeline, withdraws a consent, downloads
        Page porteur = open(TestMail.link(TestMail.await(email, 1).get(0), "/mon-espace/lien"));
        click(porteur, "Ouvrir mon espace");
        porteur.waitForURL("**/mon-espace");
        Locator timeline = porteur.locator(".timeline").first();
        assertThat(timeline).containsText("Rendez-vous du");
        assertThat(timeline).containsText("demande refusée (plus de place)");
        assertThat(timeline).containsText("demande acceptée");
        assertThat(timeline).not().containsText("cherche un local");
        assertThat(Chromium.seriousAccessibilityViolations(porteur)).as("porteur space").isEmpty();
        shot(porteur, "porteur-journey.png");
        click(porteur, "Ne plus partager avec France Active Bretagne");
        assertThat(porteur.locator("[role=status]")).containsText("Accord de partage retiré");
        assertThat(porteur.locator("#accords")).containsText("Partager avec France Active Bretagne");
        Download json = porteur.waitForDownload(() -> porteur.getByText("Télécharger toutes mes données (JSON)").click());
        String data = Files.readString(json.path());
        assertThat(data).contains(email).contains("recyclerie " + word).contains("Cap Création ESS");
        Download pdf = porteur.waitForDownload(() -> porteur.getByText("Télécharger toutes mes données (PDF)").click());
        try (var document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document)).contains(email).contains("Maiwenn Le Bihan");
        }

        // the link France Active received no longer opens anything once the consent is withdrawn
        fa.navigate(url(link));
        assertThat(fa.locator("h1")).hasText("Ce lien ne fonctionne plus");
    }

    /**
     * A commune no pôle covers (Plouha, Leff Armor): the request reaches the regional coordination, which
     * sees no name and hands it to a pôle, whose animator then finds it; the porteur later answers the
     * follow-up survey from its emailed link; the partner's list of referrals. Every page axe-clean.
     */
    @Test
    void aRequestNoPoleCoversIsHandedToAPoleByTheCoordinationAndThePorteurAnswersTheSurvey() {
        var coordinator = users.staff(Role.COORDINATEUR, "53");
        var animator = users.staff(Role.ANIMATEUR, "pole-ess-pays-de-saint-brieuc");
        String name = "Erwan " + TestUsers.letters(8);
        String email = TestUsers.uniqueEmail("plouha");

        Page visitor = open(new Browser.NewContextOptions().setExtraHTTPHeaders(Map.of("X-Forwarded-For",
                JourneyFixtures.newAddress())), "/je-porte-un-projet");
        visitor.getByLabel("Votre nom (ou celui du groupe)").fill(name);
        visitor.getByLabel("Courriel").fill(email);
        visitor.getByLabel("seul·e", new Page.GetByLabelOptions().setExact(true)).check();
        visitor.getByLabel("Votre idée, avec vos mots").fill("Un café associatif au bourg, avec une épicerie de produits locaux.");
        visitor.getByLabel("Votre commune").fill("Plouha");
        visitor.getByLabel("Où en êtes-vous ?").selectOption("PROJET");
        visitor.getByLabel("local ou foncier").check();
        visitor.getByLabel("J’accepte d’être recontacté·e par le pôle ESS de mon territoire au sujet de mon projet.").check();
        visitor.getByLabel("J’accepte le traitement de mes données pour mon accompagnement, comme le décrit la notice ci-dessous.").check();
        click(visitor, "Envoyer ma demande");
        assertThat(visitor.locator("[role=status]")).containsText("Aucun pôle ne couvre encore votre commune");
        assertThat(Chromium.seriousAccessibilityViolations(visitor)).as("acknowledgement").isEmpty();

        Page region = signedIn(coordinator.email());
        region.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Les demandes de communes sans pôle, à confier")).click();
        Locator request = region.locator("li.card").filter(new Locator.FilterOptions().setHasText("Plouha")).last();
        assertThat(request).containsText("local ou foncier");
        assertThat(region.locator("main")).not().containsText(name);
        assertThat(Chromium.seriousAccessibilityViolations(region)).as("requests to hand over").isEmpty();
        request.getByRole(AriaRole.BUTTON).click(); // no pôle chosen yet
        assertThat(region.locator("[role=alert]")).containsText("Choisissez le pôle");
        request = region.locator("li.card").filter(new Locator.FilterOptions().setHasText("Plouha")).last();
        request.getByLabel("Pôle à qui la confier").selectOption("pole-ess-pays-de-saint-brieuc");
        request.getByRole(AriaRole.BUTTON).click();
        assertThat(region.locator("[role=status]")).containsText("Demande confiée au pôle");

        Page pole = signedIn(animator.email());
        pole.navigate(url("/espace/parcours?vue=NEW"));
        pole.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(pole.locator(".timeline")).containsText("Demande confiée à Pôle ESS du Pays de Saint-Brieuc");
        assertThat(jdbc.sql("select p.pole_slug from journey.project p join journey.porteur o on o.id = p.porteur_id"
                + " where o.email = :email").param("email", email).query(String.class).single())
                .isEqualTo("pole-ess-pays-de-saint-brieuc");

        // six months on, the survey (its link as the job emails it) answered on a phone, a mistake first
        String token = org.maillage.platform.SecretTokens.newToken();
        jdbc.sql("""
                insert into journey.survey (project_id, months, sent_at, token_hash)
                select p.id, 6, now(), :hash from journey.project p join journey.porteur o on o.id = p.porteur_id where o.email = :email
                """).param("hash", org.maillage.platform.SecretTokens.hash(token)).param("email", email).update();
        Page survey = open(new Browser.NewContextOptions().setViewportSize(390, 844), "/enquete?jeton=" + token);
        survey.getByLabel("oui", new Page.GetByLabelOptions().setExact(true)).check();
        survey.getByLabel("Combien d’emplois (équivalents temps plein) ?").fill("un et demi");
        click(survey, "Envoyer");
        assertThat(survey.locator("#satisfaction-error")).isVisible();
        assertThat(survey.getByLabel("Combien d’emplois (équivalents temps plein) ?")).hasValue("un et demi");
        assertThat(Chromium.seriousAccessibilityViolations(survey)).as("survey with errors").isEmpty();
        survey.getByLabel("Combien d’emplois (équivalents temps plein) ?").fill("1,5");
        survey.getByLabel("4", new Page.GetByLabelOptions().setExact(true)).check();
        click(survey, "Envoyer");
        assertThat(survey.locator("[role=status]")).containsText("Merci");
        assertThat(jdbc.sql("select jobs || ' ' || satisfaction from journey.survey s join journey.project p on p.id = s.project_id"
                + " join journey.porteur o on o.id = p.porteur_id where o.email = :email").param("email", email)
                .query(String.class).single()).isEqualTo("1.50 4");

        // a partner's list of referrals (empty views included) is axe-clean too
        Page partner = signedIn(users.staff(Role.PARTENAIRE, "kejal").email());
        partner.navigate(url("/espace/orientations?vue=WAITING"));
        assertThat(partner.locator("h1")).hasText("Les orientations reçues");
        assertThat(Chromium.seriousAccessibilityViolations(partner)).as("partner's referrals").isEmpty();
    }
}
