package org.maillage.cooperation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.cooperation.Exchanges.NewListing;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.MembershipStatus;
import org.maillage.directory.StructureFamily;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member structure of Dinan, on a phone, publishes an offer (an error first): its page suggests the
 * need of another structure of the pôle, and it proposes the match. The other structure, emailed, says
 * the match led to a 35,000 € contract. Every page axe-clean.
 */
@MaillageIntegrationTest
class CooperationBrowserIT extends BrowserTest {

    static final String POLE = "pole-ess-pays-de-dinan";

    @Autowired
    TestUsers users;

    @Autowired
    Directory directory;

    @Autowired
    Exchanges exchanges;

    @Autowired
    JdbcClient jdbc;

    private static void axeClean(Page page) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as(page.url()).isEmpty();
    }

    private static void click(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private String member(User coordinator, String name, String commune) {
        String slug = directory.create(coordinator.current(), new StructureData(name, null, StructureFamily.ASSOCIATION,
                null, EssSector.ENVIRONNEMENT, null, null, commune, null, null, 6, null, "", true));
        directory.recordMembership(coordinator.current(), slug, new Directory.Membership(0, POLE, null,
                Year.now(ZoneId.of("Europe/Paris")).getValue(), null, MembershipStatus.MEMBER));
        return slug;
    }

    @Test
    void aStructurePublishesAnOfferOnAPhoneAndTheMatchLeadsToBusiness() {
        String run = TestUsers.letters(5);
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        String centre = member(coordinator, "Centre social de Dinan " + run, "22050");
        String traiteur = member(coordinator, "Traiteur solidaire de Lanvallay " + run, "22118");
        User centreUser = users.staff(Role.STRUCTURE, centre);
        User traiteurUser = users.staff(Role.STRUCTURE, traiteur);
        String centreContact = TestUsers.uniqueEmail("centre-social");
        String need = "Un traiteur pour la fête de quartier " + run;
        long needId = exchanges.publish(centreUser.current(), new NewListing(centre, ListingKind.NEED,
                ListingCategory.SERVICES, need, "Repas pour 300 personnes, produits locaux", null, LocalDate.now(), null,
                "Soizic", centreContact));

        // on a phone, the caterer publishes its offer from its space
        Page phone = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true),
                "/connexion");
        signIn(phone, traiteurUser.email(), TestUsers.PASSWORD);
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coopérer").setExact(false)).first().click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Offres et besoins des structures");
        axeClean(phone);
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publier une offre")).click();
        axeClean(phone);
        phone.getByLabel("Catégorie").selectOption("SERVICES");
        phone.getByLabel("Description").fill("Repas bio et locaux, cuisinés par nos salariés en insertion, pour vos fêtes.");
        click(phone, "Publier");
        assertThat(phone.locator(".error-message").first()).containsText("Donnez un titre");
        assertThat(phone.getByLabel("Description")).hasValue("Repas bio et locaux, cuisinés par nos salariés en insertion, pour vos fêtes.");
        axeClean(phone);
        String offer = "Traiteur solidaire pour vos fêtes " + run;
        phone.getByLabel("Titre").fill(offer);
        click(phone, "Publier");
        assertThat(phone.getByRole(AriaRole.STATUS).first()).containsText("Votre annonce est publiée");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(offer);
        assertThat(phone.locator(".suggestions")).containsText(need);
        assertThat(phone.locator(".suggestions")).containsText("Dans le même pôle");
        axeClean(phone);
        phone.locator(".suggestions").scrollIntoViewIfNeeded();
        screenshot(phone, "cooperation-offer-phone.png");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Proposer une mise en relation avec Centre social de Dinan " + run)).click();
        assertThat(phone.getByRole(AriaRole.STATUS).first()).containsText("Mise en relation faite");

        // the centre is emailed and, on its computer, says what came of it
        String mail = TestMail.body(TestMail.await(centreContact, "vous propose une mise en relation", 1).get(0));
        assertThat(mail).contains(offer, traiteurUser.email());
        Page desk = signedIn(centreUser.email());
        desk.navigate(url("/espace/cooperation/mises-en-relation"));
        assertThat(desk.locator("article.card").first()).containsText(need);
        axeClean(desk);
        desk.getByLabel("Une affaire : marché, commande, contrat").first().check();
        click(desk, "Enregistrer");
        assertThat(desk.locator(".error-message").first()).containsText("Donnez le montant de l’affaire");
        axeClean(desk);
        desk.getByLabel("Une affaire : marché, commande, contrat").first().check();
        desk.getByLabel("Montant de l’affaire en euros").first().fill("35 000");
        click(desk, "Enregistrer");
        assertThat(desk.locator("article.card").first()).containsText("35 000 €");
        screenshot(desk, "cooperation-matches.png");
        assertThat(jdbc.sql("select amount from cooperation.match where need_id = :n").param("n", needId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("35000");
    }
}
