package org.maillage.offer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** An animator orients a project; a visitor reads the continuum of a commune, in a real Chromium. */
@MaillageIntegrationTest
class OrientationBrowserIT extends BrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAnimatorEntersAProjectAndSeesTheRankedSchemesWithTheirReasons() {
        String word = "zq" + TestUsers.letters(8);
        jdbc.sql("""
                insert into journey.project (pole_slug, region_code, departement_code, commune_code, title, sector, stage)
                values ('adess-centre-bretagne', '53', '22', '22136', :title, 'CULTURE', 'PROJET')""")
                .param("title", "Café-concert " + word + " de Loudéac").update();
        Page page = signedIn(users.staff(Role.ANIMATEUR, "adess-centre-bretagne").email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orienter un projet")).click();
        page.getByLabel("Commune du projet").fill("Loudéac");
        page.getByLabel("Le projet en quelques mots (facultatif)").fill("Un café-concert " + word + " associatif");
        page.getByLabel("Stade du projet").selectOption("IDEE");
        page.getByLabel("définir l’idée").check();
        page.getByLabel("étude de marché ou d’opportunité").check();
        page.getByLabel("Secteur").selectOption("CULTURE");
        page.getByLabel("Projet collectif").check();
        page.getByLabel("Forme envisagée").selectOption("ASSOCIATION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir les dispositifs")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pour un projet à Loudéac"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ADESS Centre Bretagne"))).isVisible();
        Locator first = page.locator(".suggestion").first();
        assertThat(first.getByRole(AriaRole.HEADING)).containsText("Idéateur TAg BZH 22");
        assertThat(first).containsText("95 points");
        assertThat(first.locator(".reasons li")).containsText(new String[] {"Accompagne les projets au stade « Idée » (+40)",
                "Répond au besoin « définir l’idée » (+25)", "Répond au besoin « étude de marché ou d’opportunité » (+25)",
                "Dispositif de proximité, ouvert à Loudéac (+5)"});
        assertThat(page.locator(".similar-projects li").first()).containsText("Café-concert " + word + " de Loudéac");
        page.getByText("Ne conviennent pas pour l’instant").click();
        assertThat(page.locator("details")).containsText("N’est pas ouvert à Loudéac");
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("orientation page").isEmpty();
    }

    @Test
    void aVisitorReadsTheContinuumOfTheirCommune() {
        Page page = open("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Le parcours")).click();
        page.getByLabel("Votre commune (nom ou code INSEE)").fill("Quimper");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir le parcours")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Le parcours d’un projet à Quimper");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ADESS Cornouaille"))).isVisible();
        assertThat(page.locator(".continuum-stage")).hasCount(4);
        assertThat(page.locator(".continuum-stage").nth(1)).containsText("Incubateur TAg BZH 29");
        assertThat(page.locator(".continuum")).not().containsText("Incubateur TAg BZH 22");
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("continuum page").isEmpty();
    }
}
