package org.maillage.network;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator completes a pôle's préfiguration checklist and constitutes it, in a real Chromium. */
@MaillageIntegrationTest
class PoleLifecycleBrowserIT extends BrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    PoleManagement management;

    @Test
    void aCoordinatorConstitutesAPoleOnceTheChecklistIsComplete() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        String name = "Pôle ESS du Poher " + System.nanoTime() % 10_000;
        String slug = management.create(coordinator.current(), new PoleManagement.NewPole(name, "Pays du Centre Ouest Bretagne", ""));
        management.changeStatus(coordinator.current(), slug, PoleStatus.PREFIGURATION, "");
        for (PrefigurationStep step : List.of(PrefigurationStep.WIDER_CORE_GROUP, PrefigurationStep.ACTORS_INTEREST,
                PrefigurationStep.TERRITORIAL_DIAGNOSIS, PrefigurationStep.GOVERNANCE, PrefigurationStep.PARTNERSHIPS,
                PrefigurationStep.FINANCIAL_ARCHITECTURE)) {
            management.recordStep(coordinator.current(), slug, step, new PoleManagement.StepRecord(LocalDate.of(2026, 1, 15), "", List.of()));
        }

        Page page = signedIn(coordinator.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Les pôles de ma région (pilotage)")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Les pôles de ma région");
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("regional overview").isEmpty();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();

        Locator missing = page.locator(".missing-list");
        assertThat(missing).containsText("l’étape « Assemblée générale constitutive » n’a pas de date");
        assertThat(missing).containsText("la forme de gouvernance n’est pas choisie");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passer au statut « Constitué »"))).hasCount(0);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("pôle page").isEmpty();

        Locator assembly = page.locator("#etape-FOUNDING_ASSEMBLY");
        assembly.getByLabel("Date où l’étape a été franchie").fill("2026-03-12");
        assembly.getByLabel("Notes").fill("AG constitutive à Carhaix, 42 structures présentes");
        assembly.getByLabel("Documents (une adresse web par ligne)").fill("https://example.org/pv-ag.pdf");
        assembly.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer l’étape")).click();
        assertThat(page.getByText("Étape enregistrée.")).isVisible();
        assertThat(page.locator("#etape-FOUNDING_ASSEMBLY")).containsText("franchie le 12/03/2026");

        page.getByLabel("Forme de gouvernance").selectOption("ASSOCIATION_DE_FAIT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l’identité")).click();
        assertThat(page.getByText("Identité et gouvernance enregistrées.")).isVisible();

        page.getByLabel("Note sur ce changement (facultatif)").first().fill("Constitué à l’AG du 12 mars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passer au statut « Constitué »")).click();
        assertThat(page.getByText("Statut changé.")).isVisible();
        assertThat(page.getByText("Statut actuel : Constitué.")).isVisible();
        assertThat(page.locator("#statut")).containsText("de « En préfiguration » à « Constitué »");
        // next: active, once the chargé·e de mission is recruited and the pôle has joined the network
        assertThat(page.locator(".missing-list")).containsText("Recrutement du ou de la chargé·e de mission");
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("pôle page after the change").isEmpty();
    }
}
