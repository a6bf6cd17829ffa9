package org.maillage.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.BrowserTest;
import org.maillage.support.Chromium;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An animator imports a CSV file with errors, corrects it and imports it, in a real Chromium. */
@MaillageIntegrationTest
class StructureImportBrowserIT extends BrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnimatorImportsAFileWithErrorsCorrectsItAndImportsIt() {
        String run = "wv" + org.maillage.support.TestUsers.letters(5);
        var animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Page page = signedIn(animator.email());
        page.navigate(url("/annuaire"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importer un fichier CSV")).click();
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("import page").isEmpty();

        String wrong = "nom;famille;secteur;code_commune\n"
                + "Atelier vélo " + run + ";association;mobilité;29232\n"
                + "Recyclerie " + run + ";association;environnement;29232\n";
        page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("structures.csv", "text/csv", wrong.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le fichier")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Un problème : rien n’a été importé");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Secteur inconnu : « mobilité »");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer les 2 structure(s)"))).hasCount(0);
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("preview with problems").isEmpty();

        String corrected = wrong.replace("mobilité", "services");
        page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("structures.csv", "text/csv", corrected.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le fichier")).click();
        assertThat(page.getByText("Tout est bon : 2 structure(s) prête(s).")).isVisible();
        assertThat(jdbc.sql("select count(*) from directory.structure where name like :run").param("run", "%" + run)
                .query(Long.class).single()).isZero();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer les 2 structure(s)")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 structures ajoutées à l’annuaire.");
        assertThat(jdbc.sql("select count(*) from directory.structure where name like :run").param("run", "%" + run)
                .query(Long.class).single()).isEqualTo(2);

        page.navigate(url("/annuaire?q=" + run));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Atelier vélo " + run))).isVisible();
    }
}
