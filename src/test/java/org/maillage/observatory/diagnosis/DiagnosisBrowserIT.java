package org.maillage.observatory.diagnosis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Question;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium: a structure's person fills in the self-diagnosis (an error next to a question left,
 * a draft), finishes it on a phone, reads the profile and the plan, keeps actions and asks the pôle for
 * support; the pôle's animator reads the request; a visitor uses the public questionnaire. Every page
 * passes axe-core (no serious or critical violation).
 */
@MaillageIntegrationTest
class DiagnosisBrowserIT extends BrowserTest {

    private static final String POLE = "ecosolidaires";

    @Autowired
    Directory directory;

    @Autowired
    TestUsers users;

    private final Questionnaire questionnaire = Questionnaire.load(Questionnaire.CURRENT_VERSION);

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private static void answer(Page page, String code, String label) {
        page.locator("#q-" + code).getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private static void accessible(Page page, String what) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as(what).isEmpty();
    }

    /**
     * With {@code -Dmaillage.screenshots=<folder>}, the path also takes screenshots of its pages:
     * {@code ./mvnw verify -Dit.test=DiagnosisBrowserIT -Dmaillage.screenshots=docs/screenshots}.
     */
    private static void shot(Page page, String name) {
        String folder = System.getProperty("maillage.screenshots");
        if (folder != null && !folder.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name)).setFullPage(true));
        }
    }

    @Test
    void aStructureFillsInItsSelfDiagnosisSeesItsProfileAndAsksItsPoleForSupport() {
        String run = TestUsers.letters(6);
        var animator = users.staff(Role.ANIMATEUR, POLE);
        String name = "Ressourcerie de Fougères " + run;
        String slug = directory.create(animator.current(), new StructureData(name, null, StructureFamily.ASSOCIATION, null,
                EssSector.ENVIRONNEMENT, null, null, "35115", null, null, 7, null, "Collecte et réemploi", true));
        var person = users.staff(Role.STRUCTURE, slug);
        String base = "/espace/structures/" + slug + "/autodiagnostic";

        // 1. On a computer: starts, leaves two practices of the first theme unanswered, then keeps a draft
        Page desk = signedIn(person.email());
        desk.navigate(url(base));
        assertThat(desk.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        accessible(desk, "overview, nothing yet");
        click(desk, "Commencer un autodiagnostic");
        assertThat(desk.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("1. Gouvernance démocratique");
        answer(desk, "GOU-1", "Pleinement");
        answer(desk, "GOU-2", "En réflexion");
        answer(desk, "GOU-3", "Ne s’applique pas");
        accessible(desk, "first theme");
        click(desk, "Enregistrer et continuer");
        assertThat(desk.locator("#error-GOU-4")).containsText("Choisissez une réponse");
        assertThat(desk.locator("#error-GOU-5")).containsText("Choisissez une réponse");
        assertThat(desk.locator("#error-GOU-1")).hasCount(0);
        assertThat(desk.locator("#GOU-2-THINKING")).isChecked();
        assertThat(desk.getByRole(AriaRole.ALERT)).containsText("2 pratiques sont restées sans réponse");
        accessible(desk, "first theme with errors");
        shot(desk, "diagnosis-theme-error.png");
        answer(desk, "GOU-4", "En partie");
        click(desk, "Enregistrer le brouillon et quitter");
        assertThat(desk.getByRole(AriaRole.STATUS)).containsText("Brouillon enregistré");
        assertThat(desk.locator("#en-cours")).containsText("4 réponses sur 40");
        accessible(desk, "overview with a draft");
        shot(desk, "diagnosis-overview.png");

        // 2. Later, on a phone: resumes where it stopped and finishes
        Page phone = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true),
                "/connexion");
        signIn(phone, person.email(), TestUsers.PASSWORD);
        phone.waitForURL("**/espace");
        phone.navigate(url(base));
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reprendre le questionnaire")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("1. Gouvernance démocratique");
        assertThat(phone.locator("#GOU-4-PARTLY")).isChecked();
        answer(phone, "GOU-5", "Pas encore");
        click(phone, "Enregistrer et continuer");
        for (var theme : questionnaire.themes().subList(1, questionnaire.themes().size())) {
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(theme.number() + ". " + theme.title());
            for (Question question : theme.questions()) {
                // développement durable is the weak point; everything else is fully in place
                answer(phone, question.code(), theme.code().equals("ENV") ? "En réflexion" : "Pleinement");
            }
            if (theme.code().equals("SOC")) {
                accessible(phone, "a theme on a phone");
            }
            click(phone, theme.number() == questionnaire.themes().size() ? "Terminer et voir mon profil" : "Enregistrer et continuer");
        }

        // 3. The profile: the themes with their scores, the strongest and weakest, the plan
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Autodiagnostic terminé");
        assertThat(phone.locator(".overall")).hasText("Score global : 86 %"); // (1 + 3 + 2 + 0) + 30 × 3 + 5 × 1 = 101 / 117
        assertThat(phone.locator("tr[data-theme='GOU']")).containsText("50 %");
        assertThat(phone.locator("tr[data-theme='ENV']")).containsText("33 %");
        assertThat(phone.locator("tr[data-theme='STR']")).containsText("100 %");
        assertThat(phone.locator(".weakest")).hasText("Développement durable (33 %)");
        assertThat(phone.locator(".plan-group").first()).hasAttribute("data-theme", "ENV");
        assertThat(phone.locator(".plan-group").nth(1)).hasAttribute("data-theme", "GOU");
        // within a theme, the lowest answers first: GOU-5 "Pas encore", GOU-2 "En réflexion", GOU-4 "En partie"
        assertThat(phone.locator(".plan-group[data-theme='GOU'] input[type=checkbox]")).hasCount(3);
        assertThat(phone.locator(".plan-group[data-theme='GOU'] input[type=checkbox]").first()).hasAttribute("value", "GOU-5");
        accessible(phone, "profile on a phone");
        shot(phone, "diagnosis-profile-phone.png");

        // 4. Keeps two actions as its plan
        phone.locator("#keep-ENV-3").check();
        phone.locator("#keep-GOU-5").check();
        click(phone, "Enregistrer mon plan d’action");
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Plan d’action enregistré");
        assertThat(phone.locator("#keep-ENV-3")).isChecked();
        assertThat(phone.locator("#keep-GOU-5")).isChecked();
        assertThat(phone.locator("#keep-ENV-1")).not().isChecked();

        // 5. Asks the pôle for support (it has no contact address yet: its animators receive it)
        String message = "Nous aimerions un accompagnement sur nos déplacements " + run;
        phone.getByLabel("Votre message (facultatif)").fill(message);
        click(phone, "Demander un accompagnement à mon pôle");
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Votre demande est envoyée à votre pôle");
        assertThat(phone.locator("#accompagnement")).containsText("Demande envoyée le");
        assertThat(phone.locator("#accompagnement")).containsText(message);
        accessible(phone, "profile after the request");
        phone.setViewportSize(1280, 900);
        shot(phone, "diagnosis-profile.png");
        String mail = TestMail.body(TestMail.await(animator.email(), run, 1).get(0));
        assertThat(mail).contains(name).contains(message).contains("Score global : 86 %")
                .contains("À renforcer en priorité : Développement durable.").contains("Actions retenues par la structure dans son plan : 2.");

        // 6. The pôle's animator reads the request and the profile, without the structure's forms
        Page pole = signedIn(animator.email());
        pole.navigate(url("/espace/poles/" + POLE + "/autodiagnostics"));
        assertThat(pole.locator("#pole-requests")).containsText(name);
        assertThat(pole.locator("#pole-requests")).containsText(message);
        accessible(pole, "the pôle's list");
        shot(pole, "diagnosis-pole.png");
        pole.locator("#pole-requests").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(pole.locator(".overall")).hasText("Score global : 86 %");
        assertThat(pole.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon plan d’action"))).hasCount(0);
        assertThat(pole.locator(".plan-group[data-theme='ENV']")).containsText("Retenue");
        accessible(pole, "profile read by the pôle");

        // 7. The structure starts again later: the history keeps the finished one
        desk.navigate(url(base));
        assertThat(desk.locator("#resultats")).containsText("86 %");
        assertThat(desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commencer un nouvel autodiagnostic"))).isVisible();
        accessible(desk, "overview with a result");
    }

    @Test
    void aVisitorFillsInThePublicQuestionnaireOnAPhone() {
        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true),
                "/autodiagnostic");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Autodiagnostic des bonnes pratiques de l’ESS");
        accessible(page, "public questionnaire");
        for (Question question : questionnaire.questions()) {
            if (!question.code().equals("USA-4")) {
                answer(page, question.code(), question.code().startsWith("SOC") ? "En partie" : "Pleinement");
            }
        }
        click(page, "Voir mon profil");
        assertThat(page.locator("#error-USA-4")).containsText("Choisissez une réponse");
        assertThat(page.locator("#SOC-1-PARTLY")).isChecked();
        accessible(page, "public questionnaire with an error");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pratique 5.4")).click();
        answer(page, "USA-4", "Ne s’applique pas");
        click(page, "Voir mon profil");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Votre profil de bonnes pratiques");
        assertThat(page.locator("tr[data-theme='SOC']")).containsText("67 %");
        assertThat(page.locator(".weakest")).containsText("Politique salariale et exemplarité sociale (67 %)");
        assertThat(page.locator(".plan-group")).hasCount(1);
        accessible(page, "public profile");
    }
}
