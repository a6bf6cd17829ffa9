package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.journey.JourneyFixtures;
import org.maillage.journey.Journeys;
import org.maillage.observatory.internal.diagnosis.Answer;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.maillage.support.BrowserTest;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The modules {@link XssProbeBrowserIT} leaves out: markup typed through the real forms comes back as
 * text (in Chromium, no element of it is in the page, none of its scripts ran, every page answers 200):
 * <ul>
 *   <li>accounts: a person's name as invited and as chosen on the invitation page (the invitation link's
 *   page, the accounts list and an account's page, the staff home and the header of every page), and an
 *   address typed in the requests for a porteur's link and for a password reset;</li>
 *   <li>pôle management: a new pôle's name, association porteuse, territory, address, phone and website,
 *   a checklist step's notes and link, a team member's name and job, a funder, a status change's note
 *   (the public list and page of the pôles and its members' page; the staff overview and the pôle's
 *   page; the invitation and account pages, where the pôle names the grant);</li>
 *   <li>the scheme catalogue: a scheme's name and description and a session's place (the maintainers' list
 *   and page, the public continuum, the animators' orientation and a porteur's file);</li>
 *   <li>the observatory: the yearly report's text of a pôle (its dashboard and the page to write it), a
 *   declared figure's comment and a coordinator's reason to refuse it (the coordination's list, the
 *   pôle's declarations);</li>
 *   <li>the self-diagnosis: the name of the structure and the message of its request for support (its
 *   overview and result, its pôle's list).</li>
 * </ul>
 * Operators of schemes are reference data that no form changes.
 */
@MaillageIntegrationTest
class XssProbeMoreBrowserIT extends BrowserTest {

    static final String IMG = XssProbeBrowserIT.IMG;
    static final String SCRIPT = XssProbeBrowserIT.SCRIPT;
    /** For fields of 40 characters at most (a phone number). */
    static final String SHORT = "'\"><img id=xss-img src=x>";
    /** For fields without spaces (links): starts as a web address, then closes the attribute. */
    static final String LINK = "https://exemple.fr/\"><img/id=xss-img>";
    static final String MORLAIX = "adess-pays-de-morlaix";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    TestUsers users;

    @Autowired
    Directory directory;

    @Autowired
    Journeys journeys;

    private int pages;

    @Test
    void markupTypedInAccountsPolesAndTheObservatoryComesBackAsText() {
        String run = TestUsers.letters(5);
        int year = Year.now(PARIS).getValue();
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        Session cress = new Session(port).signedIn(coordinator.email());

        // a new pôle and everything its page keeps, through the coordinator's forms
        String name = "Pôle test " + run + " " + IMG;
        HttpResponse<String> created = cress.submit("/espace/poles/nouveau", "/espace/poles/nouveau",
                Map.of("name", name, "territoryLabel", "Pays " + SCRIPT, "carrierName", "Porteuse " + IMG));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String slug = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/espace/poles/", "");
        String manage = "/espace/poles/" + slug;
        sent(cress, manage, manage + "/identite", Map.of("name", name, "carrierName", "Porteuse " + SCRIPT,
                "territoryLabel", "Pays " + SCRIPT, "governanceForm", "ASSOCIATION_AD_HOC", "email", "pole@exemple.fr",
                "phone", SHORT, "website", LINK, "address", IMG + " " + SCRIPT));
        sent(cress, manage, manage + "/etapes/WIDER_CORE_GROUP", Map.of("doneOn", LocalDate.now(PARIS).toString(),
                "notes", "Notes " + SCRIPT, "links", LINK));
        sent(cress, manage, manage + "/equipe", Map.of("personName", "Personne " + IMG, "jobTitle", "Poste " + SCRIPT,
                "fte", "0.5"));
        sent(cress, manage, manage + "/financements", Map.of("year", String.valueOf(year), "funder",
                "Financeur " + SCRIPT, "kind", "OPERATING_GRANT", "amount", "1000"));
        sent(cress, manage, manage + "/statut", Map.of("vers", "PREFIGURATION", "note", "Lancement " + IMG));

        // its animator, invited under one name, chooses another on the invitation page
        String email = TestUsers.uniqueEmail("xss-animatrice");
        sent(cress, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", Map.of("email", email,
                "displayName", "Animatrice " + IMG, "role", "ANIMATEUR", "scopeCode", slug));
        String account = cress.get("/admin/utilisateurs?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).body()
                .replaceAll("(?s).*href=\"/admin/utilisateurs/(\\d+)\".*", "$1");
        assertThat(account).as("the invited account in the list").matches("\\d+");
        MimeMessage invitation = TestMail.await(email, 1).get(0);
        String link = TestMail.link(invitation, "/invitation?jeton=");
        visitSafely(open("/"), link, "Animatrice " + IMG, name);
        Session animator = new Session(port);
        sent(animator, link, "/invitation", Map.of("jeton", link.substring(link.indexOf("jeton=") + 6),
                "displayName", "Animatrice " + SCRIPT, "password", TestUsers.PASSWORD, "confirmation", TestUsers.PASSWORD));

        // the report's text and a declared figure, through the animator's forms
        String area = "?territoire=POLE:" + slug + "&annee=" + year;
        sent(animator, "/espace/observatoire/rapport" + area, "/espace/observatoire/rapport" + area,
                Map.of("text", "Le mot " + IMG + "\n\nEt " + SCRIPT));
        String declarations = "/espace/observatoire/declarations/" + slug + "/" + year;
        sent(animator, declarations, declarations, Map.of("values[EVENTS]", "3", "comments[EVENTS]", "Comptés " + SCRIPT));

        Page staff = browserOf(cress);
        visitSafely(staff, "/espace/observatoire/validations", name, "Comptés " + SCRIPT);
        sent(cress, "/espace/observatoire/validations", "/espace/observatoire/validations", Map.of("pole", slug,
                "year", String.valueOf(year), "indicator", "EVENTS", "value", "3", "valid", "false",
                "note", "Motif " + IMG));
        visitSafely(staff, "/espace/reseau", name, "Pays " + SCRIPT);
        visitSafely(staff, manage, name, "Pays " + SCRIPT, "Porteuse " + SCRIPT, SHORT, LINK, IMG + " " + SCRIPT,
                "Notes " + SCRIPT, "Personne " + IMG, "Poste " + SCRIPT, "Financeur " + SCRIPT, "Lancement " + IMG);
        visitSafely(staff, "/admin/utilisateurs?q=" + email, "Animatrice " + SCRIPT);
        visitSafely(staff, "/admin/utilisateurs/" + account, "Animatrice " + SCRIPT, name);
        Page pole = browserOf(animator);
        visitSafely(pole, "/espace", "Animatrice " + SCRIPT);
        visitSafely(pole, "/espace/observatoire" + area, name, "Le mot " + IMG, "Et " + SCRIPT);
        visitSafely(pole, "/espace/observatoire/rapport" + area, name, "Le mot " + IMG + "\n\nEt " + SCRIPT);
        visitSafely(pole, declarations, name, "Comptés " + SCRIPT, "Motif " + IMG);
        Page visitor = open("/");
        visitSafely(visitor, "/poles", name, "Pays " + SCRIPT);
        visitSafely(visitor, "/poles/" + slug, name, "Porteuse " + SCRIPT, "Pays " + SCRIPT, SHORT, IMG + " " + SCRIPT,
                LINK.substring("https://".length()));
        visitSafely(visitor, "/poles/" + slug + "/membres", name);

        // an address typed in the requests for a link comes back in its field, as text
        for (String path : new String[] {"/mon-espace/connexion", "/mot-de-passe-oublie"}) {
            visitor.navigate(url(path));
            visitor.locator("#email").fill(IMG);
            Response refused = visitor.waitForResponse(answer -> answer.url().endsWith(path)
                    && "POST".equals(answer.request().method()), () -> visitor.locator("form.stack-form button").click());
            visitor.locator("#email[aria-invalid=true]").waitFor();
            assertThat(refused.status()).as(path).isEqualTo(400);
            checked(visitor, path, IMG);
        }
        assertThat(pages).isEqualTo(15);
    }

    @Test
    void markupTypedInSchemesAndSelfDiagnosesComesBackAsText() {
        String run = TestUsers.letters(5);
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        Session cress = new Session(port).signedIn(coordinator.email());

        // a scheme for projects in development (scaling) only, so that other tests' rankings stay
        Map<String, String> scheme = new LinkedHashMap<>();
        scheme.put("operator", "civam-bretagne");
        String schemeName = "Dispositif " + run + " " + IMG;
        scheme.put("name", schemeName);
        scheme.put("kind", "ACCOMPAGNEMENT");
        scheme.put("stages", "DEVELOPPEMENT");
        scheme.put("needs", "SCALING");
        scheme.put("departements", "29");
        scheme.put("description", "Pour " + SCRIPT);
        HttpResponse<String> created = cress.submit("/espace/dispositifs/nouveau", "/espace/dispositifs", scheme);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll(".*(/espace/dispositifs/[^?]+).*", "$1");
        sent(cress, edit, edit + "/sessions", Map.of("startsOn", LocalDate.now(PARIS).plusDays(30).toString(),
                "place", "Salle " + SCRIPT, "placesLeft", "5"));

        // a structure of Morlaix finishes its self-diagnosis and asks its pôle for support
        String structureName = "Structure " + run + " " + IMG;
        String message = "Aidez-nous " + IMG + " " + SCRIPT;
        String structure = directory.create(coordinator.current(), new StructureData(structureName, null,
                StructureFamily.ASSOCIATION, null, EssSector.CULTURE, null, null, "29151", null, null, 3, null, "Culture",
                true));
        User person = users.staff(Role.STRUCTURE, structure);
        User animator = users.staff(Role.ANIMATEUR, MORLAIX);
        Session people = new Session(port).signedIn(person.email());
        String diagnosis = finishedDiagnosis(people, "/espace/structures/" + structure + "/autodiagnostic");
        sent(people, diagnosis, diagnosis + "/accompagnement", Map.of("message", message));
        long journey = JourneyFixtures.submitted(journeys, "Porteur " + run, TestUsers.uniqueEmail("xss"), "", false,
                "29151");

        Page staff = browserOf(cress);
        visitSafely(staff, "/espace/dispositifs", schemeName);
        visitSafely(staff, edit, schemeName, "Pour " + SCRIPT, "Salle " + SCRIPT);
        visitSafely(staff, "/espace/orientation?commune=29151&stage=DEVELOPPEMENT&needs=SCALING", schemeName);
        visitSafely(open("/"), "/parcours?commune=29151", schemeName, "Pour " + SCRIPT);
        Page structurePage = browserOf(people);
        visitSafely(structurePage, "/espace/structures/" + structure + "/autodiagnostic", structureName, message);
        visitSafely(structurePage, diagnosis, structureName, message);
        Page pole = browserOf(new Session(port).signedIn(animator.email()));
        visitSafely(pole, "/espace/poles/" + MORLAIX + "/autodiagnostics", structureName, message);
        visitSafely(pole, "/espace/parcours/" + journey, schemeName);
        assertThat(pages).isEqualTo(8);
    }

    /** A new browser signed in as the session is (its cookie): no second sign-in. */
    private Page browserOf(Session session) {
        Page page = open("/");
        page.context().addCookies(List.of(new Cookie("MAILLAGE_SESSION", session.cookie("MAILLAGE_SESSION").orElseThrow())
                .setUrl(url("/"))));
        return page;
    }

    /** Every theme answered, then finished: the result's path. */
    private static String finishedDiagnosis(Session session, String page) {
        assertThat(session.submit(page, page, Map.of()).statusCode()).isEqualTo(302);
        Questionnaire questionnaire = Questionnaire.load(Questionnaire.CURRENT_VERSION);
        int count = questionnaire.themes().size();
        String location = null;
        for (int n = 1; n <= count; n++) {
            Map<String, String> form = new LinkedHashMap<>();
            questionnaire.theme(n).orElseThrow().questions()
                    .forEach(question -> form.put("answers[" + question.code() + "]", Answer.NOT_YET.name()));
            form.put("action", n == count ? "terminer" : "suivant");
            String theme = page + "/questionnaire/" + n;
            HttpResponse<String> answer = session.submit(theme, theme, form);
            assertThat(answer.statusCode()).as("theme " + n).isEqualTo(302);
            location = answer.headers().firstValue("Location").orElseThrow();
        }
        return location.replaceAll("^https?://[^/]+", "");
    }

    /** Sends the form of the page; it must be accepted (a redirection). */
    private static void sent(Session session, String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> answer = session.submit(formPage, action, fields);
        assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(302);
    }

    /** Opens the page (200) and checks that nothing of the markup is in it as elements or ran. */
    private void visitSafely(Page page, String path, String... shown) {
        Response response = page.navigate(url(path));
        assertThat(response.status()).as(path).isEqualTo(200);
        checked(page, path, shown);
    }

    /** No injected element, no script ran, and each of {@code shown} is in the page as text or as a field's value. */
    private void checked(Page page, String path, String... shown) {
        pages++;
        assertThat(page.locator("#xss-img, #xss-script").count()).as(path).isZero();
        assertThat(page.evaluate("() => window.__xss === undefined")).as(path).isEqualTo(true);
        String text = (String) page.evaluate("""
                () => [document.documentElement.textContent,
                       ...[...document.querySelectorAll('input, textarea')].map(field => field.value)].join('\\n')""");
        assertThat(shown).as(path).isNotEmpty();
        assertThat(text).as(path + ": the markup shown as text").contains(shown);
    }
}
