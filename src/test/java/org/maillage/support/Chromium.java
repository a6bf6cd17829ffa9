package org.maillage.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's Chromium driven by Playwright (no browser download), and the axe-core check every page
 * of a user journey must pass: no serious or critical violation of WCAG 2.1 A/AA.
 */
public final class Chromium implements AutoCloseable {

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(ARGS));
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured != null ? configured : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " not found: install Debian's chromium (see .ci/run) or set CHROMIUM_PATH");
        }
        return path;
    }

    public Browser browser() {
        return browser;
    }

    /** The serious and critical accessibility violations of the page, described; empty when clean. */
    public static List<String> seriousAccessibilityViolations(Page page) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Chromium::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
