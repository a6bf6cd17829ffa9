package org.maillage.network;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;

/** A visitor finds the pôle of their commune in a real Chromium, with the keyboard only. */
@MaillageIntegrationTest
class FindMyPoleBrowserIT extends BrowserTest {


    @Test
    void keyboardOnlyVisitorPicksTheCommuneFromTheAutocompleteAndSeesThePole() {
        Page page = open(new Browser.NewContextOptions(), "/");
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("home page").isEmpty();

        page.keyboard().press("Tab");
        assertThat(page.getByText("Aller au contenu")).isFocused();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        Locator input = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Votre commune ou votre code postal"));
        assertThat(input).isFocused();

        page.keyboard().type("loudeac");
        Locator option = page.getByRole(AriaRole.OPTION).first();
        assertThat(option).containsText("Loudéac (22600)");
        assertThat(input).hasAttribute("aria-expanded", "true");
        page.keyboard().press("ArrowDown");
        assertThat(option).hasAttribute("aria-selected", "true");
        assertThat(input).hasAttribute("aria-activedescendant", option.getAttribute("id"));
        page.keyboard().press("Enter");

        page.waitForURL("**/trouver-mon-pole/22136");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Votre pôle ESS : ADESS Centre Bretagne");
        assertThat(page.getByText("La coordination régionale du réseau")).isVisible();
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("result page").isEmpty();
    }

    @Test
    void arrowsWrapAroundEscapeClosesThenClearsAndCountsAreAnnounced() {
        Page page = open(new Browser.NewContextOptions(), "/");
        Locator input = page.getByRole(AriaRole.COMBOBOX);
        Locator status = page.locator("#commune-status");
        input.focus();
        page.keyboard().type("22600");
        Locator options = page.getByRole(AriaRole.OPTION);
        assertThat(options.first()).containsText("(22600)");
        int count = options.count();
        assertThat(count).isGreaterThan(1);
        assertThat(status).hasText(count + " communes proposées. Flèches haut et bas pour les parcourir.");

        page.keyboard().press("ArrowUp");
        assertThat(options.last()).hasAttribute("aria-selected", "true");
        page.keyboard().press("ArrowDown");
        assertThat(options.first()).hasAttribute("aria-selected", "true");

        page.keyboard().press("Escape");
        assertThat(input).hasAttribute("aria-expanded", "false");
        assertThat(page.locator("#commune-listbox")).isHidden();
        page.keyboard().press("Escape");
        assertThat(input).hasValue("");
        page.keyboard().press("ArrowDown");
        assertThat(input).hasAttribute("aria-expanded", "false");
        assertThat(options).hasCount(0);

        page.keyboard().type("Rennes;");
        assertThat(status).hasText("Ce champ n’accepte que des lettres, des chiffres, des espaces, des tirets et des apostrophes.");
    }

    @Test
    void withoutJavascriptTheFormStillFindsThePole() {
        Page page = open(new Browser.NewContextOptions().setJavaScriptEnabled(false), "/");
        Locator field = page.getByLabel("Votre commune ou votre code postal");
        assertThat(field).not().hasAttribute("role", "combobox"); // no list can open without JavaScript
        field.fill("saint brieuc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trouver mon pôle")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Votre pôle ESS : Pôle ESS du Pays de Saint-Brieuc");
    }

    @Test
    void aPhoneVisitorWithAnUncoveredCommuneIsSentToTheCoordination() {
        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true), "/");
        page.getByRole(AriaRole.COMBOBOX).fill("Châtelaudren");
        page.getByRole(AriaRole.OPTION).first().click();
        page.waitForURL("**/trouver-mon-pole/22206");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Aucun pôle ESS ne couvre encore Châtelaudren-Plouagat");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("02 99 85 91 91"))).isVisible();
        assertThat(Chromium.seriousAccessibilityViolations(page)).isEmpty();
    }

    /** The README's screenshots: {@code ./mvnw verify -Dit.test=FindMyPoleBrowserIT -Dmaillage.screenshots=docs/screenshots}. */
    @Test
    @EnabledIfSystemProperty(named = "maillage.screenshots", matches = ".+")
    void screenshotsForTheReadme() {
        Path folder = Path.of(System.getProperty("maillage.screenshots"));
        Page page = open(new Browser.NewContextOptions().setViewportSize(1200, 800), "/");
        page.getByRole(AriaRole.COMBOBOX).pressSequentially("plo");
        assertThat(page.getByRole(AriaRole.OPTION).first()).isVisible();
        page.keyboard().press("ArrowDown");
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("home-autocomplete.png")));
        page.navigate(url("/trouver-mon-pole/22136"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("result.png")).setFullPage(true));
        page.navigate(url("/poles"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("poles.png")));
        page.context().close();
        page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2), "/trouver-mon-pole/22206");
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("result-phone.png")).setFullPage(true));
    }

    @Test
    void errorAndListPagesAreAccessibleToo() {
        Page page = open(new Browser.NewContextOptions(), "/trouver-mon-pole?q=");
        assertThat(page.getByText("Saisissez le nom de votre commune ou son code postal.")).isVisible();
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("form with error").isEmpty();
        page.navigate(url("/poles"));
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("list of pôles").isEmpty();
        page.navigate(url("/poles/adess-pays-de-brest"));
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("pôle page").isEmpty();
        page.navigate(url("/page-inconnue"));
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("404 page").isEmpty();
    }
}
