package org.maillage.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.directory.Directory.StructureData;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor on a phone searches the directory and opens a structure's page, in a real Chromium. */
@MaillageIntegrationTest
class DirectoryBrowserIT extends BrowserTest {

    @Autowired
    Directory directory;

    @Autowired
    TestUsers users;

    @Test
    void aVisitorSearchesTheDirectoryAndOpensAStructure() {
        String run = "xk" + org.maillage.support.TestUsers.letters(5);
        var animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        directory.create(animator.current(), new StructureData("Ressourcerie du Glazik " + run, null, StructureFamily.ASSOCIATION,
                null, EssSector.ENVIRONNEMENT, null, "2 rue du Port", "29232", 47.996, -4.102, 6, "https://ressourcerie.example.org",
                "Collecte, réemploi et vente d’objets de seconde main " + run, true));
        directory.create(animator.current(), new StructureData("Jardins partagés " + run, null, StructureFamily.ASSOCIATION,
                null, EssSector.AGRICULTURE, null, null, "29232", null, null, 0, null, "Jardins " + run, true));

        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true), "/");
        // the tile server is unreachable (as in CI): the page must not depend on it
        page.context().route("https://tile.openstreetmap.org/**", route -> route.abort());
        page.navigate(url("/annuaire"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Annuaire des structures de l’ESS");
        page.getByLabel("Nom, activité ou mot-clé").fill("ressourceries " + run);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Une structure.");
        assertThat(page.getByLabel("Famille")).containsText("Association (1)");
        // the map shows the one located structure of the search, without its tiles
        assertThat(page.locator("#directory-map")).isVisible();
        assertThat(page.locator("#directory-map")).hasAttribute("data-markers", "1");
        assertThat(page.locator(".leaflet-marker-icon")).hasAttribute("title", "Ressourcerie du Glazik " + run);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("search results").isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ressourcerie du Glazik " + run)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ressourcerie du Glazik " + run);
        assertThat(page.locator(".facts")).containsText("2 rue du Port, Quimper");
        assertThat(page.locator(".facts")).containsText("ADESS Cornouaille");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier la fiche"))).hasCount(0);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("structure page").isEmpty();
    }

    @Test
    void aVisitorSeesTheMembersOfAPoleOnAMap() {
        String run = "xm" + org.maillage.support.TestUsers.letters(5);
        var animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        String slug = directory.create(animator.current(), new StructureData("Café des Halles " + run, null,
                StructureFamily.ASSOCIATION, null, EssSector.CULTURE, null, null, "29232", 47.995, -4.105, 11, null, "", true));
        directory.recordMembership(animator.current(), slug,
                new Directory.Membership(0, "adess-cornouaille", null, 2040, null, MembershipStatus.MEMBER));

        Page page = open("/");
        page.context().route("https://tile.openstreetmap.org/**", route -> route.abort());
        page.navigate(url("/poles/adess-cornouaille"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ses structures membres")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Les membres de ADESS Cornouaille en 2040");
        assertThat(page.locator(".facts")).containsText("11");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Culture");
        assertThat(page.locator("#directory-map")).hasAttribute("data-markers", "1");
        assertThat(page.locator(".leaflet-marker-icon")).hasAttribute("title", "Café des Halles " + run);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("members page").isEmpty();
    }
}
