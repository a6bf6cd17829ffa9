package org.maillage.offer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator adds a scheme, corrects a mistake, then the partner of its operator adds a session:
 * in a real Chromium, axe-core clean. The scheme serves projects in development only, so that the
 * rankings other tests read do not move.
 */
@MaillageIntegrationTest
class SchemeMaintenanceBrowserIT extends BrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorAddsASchemeAndItsPartnerAddsASession() {
        String name = "Essaimage rural " + TestUsers.letters(6);
        Page page = signedIn(users.staff(Role.COORDINATEUR, "53").email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Les dispositifs que je tiens à jour")).click();
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("schemes list").isEmpty();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajouter un dispositif")).click();
        page.getByLabel("Opérateur", new Page.GetByLabelOptions().setExact(true)).selectOption("civam-bretagne");
        page.getByLabel("Nom du dispositif").fill(name);
        page.getByLabel("Type de dispositif").selectOption("ACCOMPAGNEMENT");
        page.getByLabel("Développement").check();
        page.getByLabel("changement d’échelle").check();
        page.getByLabel("Toute la région de l’opérateur").uncheck();
        page.getByLabel("Site web").fill("civam-bretagne.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le dispositif")).click();

        // two mistakes, each said next to its field; what was typed is still there
        assertThat(page.locator("#website-error")).containsText("Saisissez une adresse qui commence par https://");
        assertThat(page.locator(".field-error").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Territoire couvert"))).containsText("Choisissez où le dispositif est ouvert");
        assertThat(page.getByLabel("Nom du dispositif")).hasValue(name);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("scheme form with errors").isEmpty();
        page.getByLabel("Site web").fill("https://civam-bretagne.example");
        page.getByLabel("Finistère (29)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le dispositif")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Le dispositif est enregistré");
        String slug = page.url().replaceAll(".*/espace/dispositifs/([^?#]+).*", "$1");
        assertThat(jdbc.sql("select coverage_departements[1] from offer.scheme where slug = :slug").param("slug", slug)
                .query(String.class).single()).isEqualTo("29");

        Page partner = signedIn(users.staff(Role.PARTENAIRE, "civam-bretagne").email());
        partner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Les dispositifs que je tiens à jour")).click();
        partner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(partner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
        LocalDate startsOn = LocalDate.now().plusMonths(3);
        partner.getByLabel("Date de début").fill(startsOn.toString());
        partner.getByLabel("Lieu", new Page.GetByLabelOptions().setExact(true)).fill("Carhaix");
        partner.getByLabel("Places restantes").fill("8");
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la session")).click();
        assertThat(partner.locator(".session-list li")).containsText("Carhaix · places restantes : 8");
        assertThat(Chromium.seriousAccessibilityViolations(partner)).as("scheme edit page").isEmpty();
        assertThat(jdbc.sql("select places_left from offer.scheme_session where scheme_slug = :slug").param("slug", slug)
                .query(Integer.class).single()).isEqualTo(8);
    }
}
