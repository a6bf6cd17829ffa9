package org.maillage.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of a user journey shares: one Chromium per class, a fresh browser (its own
 * cookies) for each person of a test, closed after it, French by default, and signing in as staff.
 */
public abstract class BrowserTest {

    protected static Chromium chromium;

    @LocalServerPort
    protected int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        chromium = new Chromium();
    }

    @AfterAll
    static void quitChromium() {
        chromium.close();
    }

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A new browser with these options (in French unless they say otherwise), on a page of Maillage. */
    protected Page open(Browser.NewContextOptions options, String path) {
        BrowserContext context = chromium.browser().newContext(options.locale == null ? options.setLocale("fr-FR") : options);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(url(path));
        return page;
    }

    protected Page open(String path) {
        return open(new Browser.NewContextOptions(), path);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Saves what the page shows as {@code name} in the folder of the {@code maillage.screenshots} system
     * property, when it is set (the README's screenshots); nothing otherwise.
     */
    protected static void screenshot(Page page, String name) {
        String folder = System.getProperty("maillage.screenshots");
        if (folder != null && !folder.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name)).setFullPage(false));
        }
    }

    /** Fills and sends the login form of the page (at /connexion). */
    protected static void signIn(Page page, String email, String password) {
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
    }

    /** A new browser signed in as this staff member (test password), on their home page. */
    protected Page signedIn(String email) {
        Page page = open("/connexion");
        signIn(page, email, TestUsers.PASSWORD);
        page.waitForURL("**/espace");
        return page;
    }
}
