package org.maillage.observatory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.FileInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards in a real browser, each page axe-clean: an animator reads their pôle's year, writes
 * the report's text, downloads the PDF and declares a figure; the coordination compares the pôles on
 * a map and validates the figure; a funder of the département sees hidden figures on a phone and
 * downloads a table; a visitor reads the public panorama.
 */
@MaillageIntegrationTest
class ObservatoryBrowserIT extends BrowserTest {

    static final String POLE = "adess-cornouaille";
    static final String QUIMPER = "29232";
    static final int YEAR = 2021;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static void shot(Page page, String name) {
        String folder = System.getProperty("maillage.screenshots");
        if (folder != null && !folder.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name)).setFullPage(false));
        }
    }

    /** A section of the page only (a chart and its table). */
    private static void shot(Locator section, String name) {
        String folder = System.getProperty("maillage.screenshots");
        if (folder != null && !folder.isBlank()) {
            section.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name)));
        }
    }

    private static void axeClean(Page page) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as(page.url()).isEmpty();
    }

    private static boolean written;

    /** Once for the class: 12 projects of Quimper in the year, 8 referrals accepted of 12, 6 activities created. */
    private synchronized void fixtures() {
        if (written) {
            return;
        }
        written = true;
        ObservatoryFixtures f = new ObservatoryFixtures(jdbc, POLE, "29");
        for (int i = 0; i < 12; i++) {
            long project = f.project(LocalDateTime.of(YEAR, 1 + i, 10, 10, 0), QUIMPER, i < 7 ? "IDEE" : "PROJET",
                    i < 9 ? "FEMALE" : "MALE", null, i % 3 == 0);
            f.referral(project, "TAg BZH Idéateur", "tag-bzh-29", i < 8 ? "ACCEPTED" : "DECLINED",
                    LocalDateTime.of(YEAR, 1 + i, 20, 10, 0), 3);
            if (i < 6) {
                f.outcome(project, "CREATED", LocalDate.of(YEAR, 12, 1), new BigDecimal("1"));
            }
        }
    }

    @Test
    void fromThePolesDashboardToTheValidatedYearlyReport() throws Exception {
        fixtures();
        String animator = users.staff(Role.ANIMATEUR, POLE).email();
        Page page = signedIn(animator);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("L’observatoire : tableaux de bord et rapport d’activité")).click();
        page.getByLabel("Année").selectOption(Integer.toString(YEAR));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Observatoire : ADESS Cornouaille, " + YEAR);
        Locator welcomed = page.locator("[data-figure=welcomed] .key-figure-value");
        assertThat(welcomed).hasText("12");
        assertThat(page.locator("[data-figure=created] .key-figure-value")).hasText("6");
        assertThat(page.locator("svg.chart").first()).isVisible();
        assertThat(page.locator("#welcomedByStage tbody tr").first()).containsText("Idée");
        shot(page, "observatory-pole.png");
        axeClean(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Écrire le texte du rapport")).click();
        axeClean(page);
        page.getByLabel("Le mot du pôle").fill("x".repeat(4001));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator(".error-message")).containsText("4 000 caractères");
        page.getByLabel("Le mot du pôle").fill("Une année de coopérations en Cornouaille : douze projets accueillis.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator(".report-text")).containsText("douze projets accueillis");

        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Rapport d’activité (PDF)")).click());
        try (var document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document)).contains("ADESS Cornouaille")
                    .contains("douze projets accueillis").contains("Porteurs accueillis");
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Déclarer des chiffres")).click();
        page.getByLabel("Valeur").first().fill("quarante");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer pour validation")).click();
        assertThat(page.locator(".error-message").first()).containsText("Écrivez un nombre positif");
        axeClean(page);
        page.getByLabel("Valeur").first().fill("340");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer pour validation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("la coordination régionale va les valider");

        Page coordination = signedIn(users.staff(Role.COORDINATEUR, "53").email());
        coordination.navigate(url("/espace/observatoire?territoire=REGION:53&annee=" + YEAR));
        assertThat(coordination.locator("#poles svg.chart")).isVisible();
        assertThat(coordination.locator("#poles tbody")).containsText("ADESS Cornouaille");
        shot(coordination, "observatory-region.png");
        shot(coordination.locator("#poles .chart-box"), "observatory-poles-map.png");
        shot(coordination.locator("#evolution"), "observatory-evolution.png");
        axeClean(coordination);
        coordination.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chiffres à valider")).click();
        axeClean(coordination);
        coordination.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Valider : ADESS Cornouaille, Heures d’animation du réseau")).click();
        assertThat(coordination.getByRole(AriaRole.STATUS)).containsText("Chiffre validé");
        assertThat(jdbc.sql("select status from observatory.declared_value where pole_slug = :p and year = :y")
                .param("p", POLE).param("y", YEAR).query(String.class).single()).isEqualTo("VALIDATED");
    }

    @Test
    void aFunderOnAPhoneSeesHiddenFiguresAndDownloadsATable() throws Exception {
        fixtures();
        String funder = users.staff(Role.FINANCEUR, "29").email();
        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true),
                "/connexion");
        signIn(page, funder, TestUsers.PASSWORD);
        page.navigate(url("/espace/observatoire?annee=" + YEAR));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Finistère");
        // 9 women and 3 men: the 3 are hidden, and the 9 with them, or the total would give them away
        assertThat(page.locator("#welcomedByGender tbody tr").first().locator("td").nth(1)).hasText(FigureTable.HIDDEN);
        assertThat(page.locator("#welcomedByGender tbody tr").nth(1).locator("td").nth(1)).hasText(FigureTable.HIDDEN);
        assertThat(page.getByText("Pour que personne ne puisse être reconnu").first()).isVisible();
        axeClean(page);
        Download xlsx = page.waitForDownload(() -> page.locator("#welcomedByGender .exports a", 
                new Page.LocatorOptions().setHasText("XLSX")).click());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(xlsx.path().toFile()))) {
            String cells = workbook.getSheetAt(0).toString();
            boolean hidden = false;
            for (var row : workbook.getSheetAt(0)) {
                for (var cell : row) {
                    hidden |= cell.toString().equals(FigureTable.HIDDEN);
                }
            }
            assertThat(hidden).as(cells).isTrue();
        }

        Page visitor = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true),
                "/observatoire?annee=" + YEAR);
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Le réseau en chiffres");
        assertThat(visitor.locator("#poles")).containsText("ADESS Cornouaille");
        shot(visitor, "observatory-panorama-phone.png");
        axeClean(visitor);
    }
}
