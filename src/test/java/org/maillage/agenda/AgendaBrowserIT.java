package org.maillage.agenda;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * An animator publishes an event with two places; on a phone, two people register (the second on the
 * waiting list) and the first gives the place back from the emailed link. Every page axe-clean.
 */
@MaillageIntegrationTest
class AgendaBrowserIT extends BrowserTest {

    static final String POLE = "pole-ess-pays-du-tregor-goelo";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static void axeClean(Page page) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as(page.url()).isEmpty();
    }

    private static void click(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private Page phone(String path) {
        return open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true), path);
    }

    @Test
    void anAnimatorPublishesAnEventAndPeopleRegisterOnAPhone() {
        String title = "Apéro de l’ESS à Lannion " + TestUsers.letters(4);
        Page animator = signedIn(users.staff(Role.ANIMATEUR, POLE).email());
        animator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publier un événement dans l’agenda")).click();
        axeClean(animator);
        animator.getByLabel("Titre").fill(title);
        animator.getByLabel("Thème").selectOption("BREAKFAST");
        animator.getByLabel("Date").fill("2030-11-14");
        animator.getByLabel("Début").fill("18:30");
        animator.getByLabel("Fin").fill("18:00");
        animator.getByLabel("Commune").fill("Lannion");
        animator.getByLabel("Nombre de places").fill("1");
        click(animator, "Publier l’événement");
        assertThat(animator.locator(".error-message").first()).containsText("La fin de l’événement doit venir après son début");
        assertThat(animator.getByLabel("Titre")).hasValue(title);
        axeClean(animator);
        animator.getByLabel("Fin").fill("20:30");
        click(animator, "Publier l’événement");
        assertThat(animator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        assertThat(animator.locator("dl.facts")).containsText("Lannion");

        String first = TestUsers.uniqueEmail("gwen");
        Page gwen = phone("/agenda?pole=" + POLE);
        axeClean(gwen);
        gwen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        axeClean(gwen);
        gwen.getByLabel("Votre nom").fill("Gwen");
        gwen.getByLabel("Votre adresse électronique").fill(first);
        click(gwen, "S’inscrire");
        assertThat(gwen.locator(".error-message").first()).containsText("Cochez la case");
        gwen.getByLabel("J’accepte que mon nom").check();
        click(gwen, "S’inscrire");
        assertThat(gwen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Votre place est réservée");
        axeClean(gwen);

        String second = TestUsers.uniqueEmail("loig");
        Page loig = phone("/agenda?pole=" + POLE);
        loig.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(loig.locator("dl.facts")).containsText("Complet");
        loig.getByLabel("Votre nom").fill("Loïg");
        loig.getByLabel("Votre adresse électronique").fill(second);
        loig.getByLabel("J’accepte que mon nom").check();
        click(loig, "S’inscrire");
        assertThat(loig.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Vous êtes sur la liste d’attente (position 1)");

        String link = TestMail.link(TestMail.await(first, "Votre place est réservée", 1).get(0), "/agenda/desinscription");
        gwen.navigate(url(link));
        axeClean(gwen);
        click(gwen, "Libérer ma place");
        assertThat(gwen.getByRole(AriaRole.STATUS)).containsText("votre inscription à");
        assertThat(TestMail.await(second, "Une place s’est libérée", 1)).hasSize(1);
        assertThat(jdbc.sql("select status from agenda.registration where email = :e").param("e", second)
                .query(String.class).single()).isEqualTo("CONFIRMED");
        // the organiser sees who is coming and records who came
        animator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir les inscrits")).click();
        assertThat(animator.locator("table.data-table tbody")).containsText("Loïg");
        axeClean(animator);
        animator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Noter Loïg présent·e")).click();
        assertThat(animator.locator("table.data-table tbody")).containsText("Présent·e");
        assertThat(jdbc.sql("select attended from agenda.registration where email = :e").param("e", second)
                .query(Boolean.class).single()).isTrue();
    }
}
