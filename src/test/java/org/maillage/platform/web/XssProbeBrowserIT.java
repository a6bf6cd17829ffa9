package org.maillage.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.EventTheme;
import org.maillage.cooperation.CollectiveProjectKind;
import org.maillage.cooperation.CollectiveProjectTheme;
import org.maillage.cooperation.CollectiveProjects;
import org.maillage.cooperation.Exchanges;
import org.maillage.cooperation.Exchanges.NewListing;
import org.maillage.cooperation.IdeaKind;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.cooperation.MatchOutcome;
import org.maillage.cooperation.PoolingKind;
import org.maillage.cooperation.Poolings;
import org.maillage.cooperation.TerritorialIdeas;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.directory.EssSector;
import org.maillage.directory.MembershipStatus;
import org.maillage.directory.StructureFamily;
import org.maillage.journey.JourneyFixtures;
import org.maillage.journey.Journeys;
import org.maillage.support.BrowserTest;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Markup typed into every text field that is displayed back (structures, offers and needs, matches,
 * ideas, pooling, collective projects, agenda events, a porteur's request) comes back as text: in
 * Chromium, no element of it is in the page and none of its scripts ran. A NUL character typed in a
 * form is refused with the French error page, never a failure. Accounts, pôles, schemes, the
 * observatory and the self-diagnosis: {@link XssProbeMoreBrowserIT}.
 */
@MaillageIntegrationTest
class XssProbeBrowserIT extends BrowserTest {

    /** Both close an attribute or start an element if a page printed them unescaped. */
    static final String IMG = "\"><img src=x id=xss-img onerror=\"window.__xss=1\">";
    static final String SCRIPT = "'</title><script id=xss-script>window.__xss=1</script>";
    static final String POLE = "adess-pays-de-morlaix";

    @Autowired
    TestUsers users;

    @Autowired
    Directory directory;

    @Autowired
    Exchanges exchanges;

    @Autowired
    Poolings poolings;

    @Autowired
    CollectiveProjects projects;

    @Autowired
    TerritorialIdeas ideas;

    @Autowired
    Agenda agenda;

    @Autowired
    Journeys journeys;

    private String member(User coordinator, String name) {
        String slug = directory.create(coordinator.current(), new StructureData(name, null, StructureFamily.ASSOCIATION,
                null, EssSector.CULTURE, null, null, "29151", null, null, 3, null, IMG + " " + SCRIPT, true));
        directory.recordMembership(coordinator.current(), slug, new Directory.Membership(0, POLE, null,
                Year.now(ZoneId.of("Europe/Paris")).getValue(), null, MembershipStatus.MEMBER));
        return slug;
    }

    @Test
    void markupTypedAnywhereComesBackAsText() {
        String run = TestUsers.letters(5);
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User animator = users.staff(Role.ANIMATEUR, POLE);
        String one = member(coordinator, "Structure " + run + " " + IMG);
        String two = member(coordinator, "Structure " + run + " " + SCRIPT);
        User person = users.staff(Role.STRUCTURE, one);
        long offer = exchanges.publish(coordinator.current(), new NewListing(one, ListingKind.OFFER,
                ListingCategory.SERVICES, "Offre " + IMG, SCRIPT, null, LocalDate.now(), null, "Contact " + IMG,
                "contact@exemple.fr"));
        long need = exchanges.publish(coordinator.current(), new NewListing(two, ListingKind.NEED,
                ListingCategory.SERVICES, "Besoin " + SCRIPT, IMG, null, LocalDate.now(), null, "Contact " + SCRIPT,
                "besoin@exemple.fr"));
        long match = exchanges.putInTouch(coordinator.current(), need, offer);
        exchanges.recordOutcome(coordinator.current(), match, MatchOutcome.BUSINESS, new BigDecimal("1000"), IMG + SCRIPT);
        long idea = ideas.record(person.current(), new TerritorialIdeas.NewIdea(IdeaKind.DORMANT_IDEA, "Idée " + IMG,
                SCRIPT, "29151"));
        long pooling = poolings.create(animator.current(), new Poolings.NewPooling(POLE, PoolingKind.SHARED_JOB,
                "Emploi " + SCRIPT, IMG, "29151", new BigDecimal("35"), LocalDate.now(), null));
        poolings.putParticipant(animator.current(), pooling, one, new BigDecimal("10"), IMG);
        String project = projects.create(animator.current(), new CollectiveProjects.NewProject(POLE, "Projet " + IMG,
                SCRIPT, CollectiveProjectKind.FILIERE, CollectiveProjectTheme.CULTURE, one));
        projects.addStep(animator.current(), project, "Étape " + SCRIPT, null);
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String event = agenda.create(animator.current(), new Agenda.NewEvent(POLE, null, "Événement " + IMG, SCRIPT,
                EventTheme.MEETUP, start, start.plus(2, ChronoUnit.HOURS), "29151", "Salle " + SCRIPT, 10));
        long journey = JourneyFixtures.submitted(journeys, "Porteur " + IMG, TestUsers.uniqueEmail("xss"), "", false,
                "29151");

        Page staff = signedIn(coordinator.email());
        List<String> pages = new ArrayList<>(List.of("/espace/cooperation", "/espace/cooperation/annonces/" + offer,
                "/espace/cooperation/annonces/" + need, "/espace/cooperation/mises-en-relation",
                "/espace/cooperation/idees", "/espace/cooperation/idees/" + idea, "/espace/cooperation/mutualisations",
                "/espace/cooperation/mutualisations/" + pooling, "/espace/cooperation/projets",
                "/espace/cooperation/projets/" + project, "/agenda", "/agenda/" + event, "/annuaire/" + one,
                "/annuaire?q=" + run));
        for (String path : pages) {
            visitSafely(staff, path);
        }
        Page pole = signedIn(animator.email());
        visitSafely(pole, "/espace/parcours/" + journey);
        visitSafely(pole, "/espace/parcours");
        assertThat(pole.locator("body")).containsText("Porteur \"><img src=x");

        // a NUL character typed in a form: the French error page, nothing saved
        Session session = new Session(port).signedIn(person.email());
        String form = "/espace/cooperation/idees/nouvelle";
        var refused = session.submit(form, form, Map.of("kind", "DORMANT_IDEA", "title", "Avec un \u0000 dedans",
                "description", "", "commune", "29151"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Demande incorrecte").doesNotContain("Exception");
    }

    /** Opens the page and checks that the markup is shown as text and nothing of it ran. */
    private void visitSafely(Page page, String path) {
        page.navigate(url(path));
        assertThat(page.locator("#xss-img, #xss-script").count()).as(path).isZero();
        assertThat(page.evaluate("() => window.__xss === undefined")).as(path).isEqualTo(true);
        assertThat(page.locator("body").innerText()).as(path + ": the markup shown as text")
                .containsAnyOf("<img src=x id=xss-img", "<script id=xss-script>");
    }
}
