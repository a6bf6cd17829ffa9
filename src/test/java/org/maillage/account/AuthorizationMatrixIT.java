package org.maillage.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.journey.PorteurView;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role against every protected route: what each may reach, and that every other scope is
 * refused — with the French 403 page on pages, a 403 problem+json on the API, the login page (or
 * a 401 problem) for visitors.
 */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** What a role gets on a route. */
    enum Outcome { OK, FORBIDDEN, LOGIN }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private User animatorCornouaille;
    private PorteurView porteur;

    @BeforeAll
    void signEveryoneIn() {
        animatorCornouaille = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        User animatorRennes = users.staff(Role.ANIMATEUR, "reso-solidaire");
        User partner = users.staff(Role.PARTENAIRE, "tag-bzh-29");
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User coordinatorElsewhere = users.staff(Role.COORDINATEUR, "52");
        User funder = users.staff(Role.FINANCEUR, "29");
        User admin = users.admin();
        porteur = users.porteur(animatorCornouaille, "adess-cornouaille");

        sessions.put("visitor", new Session(port));
        sessions.put("porteur", porteurSession(porteur));
        sessions.put("animator", new Session(port).signedIn(animatorCornouaille.email()));
        sessions.put("otherAnimator", new Session(port).signedIn(animatorRennes.email()));
        sessions.put("partner", new Session(port).signedIn(partner.email()));
        sessions.put("coordinator", new Session(port).signedIn(coordinator.email()));
        sessions.put("otherCoordinator", new Session(port).signedIn(coordinatorElsewhere.email()));
        sessions.put("funder", new Session(port).signedIn(funder.email()));
        sessions.put("admin", new Session(port).signedIn(admin.email()));
    }

    private Session porteurSession(PorteurView porteur) {
        return new Session(port).openedSpace(users.magicLinkToken(porteur.userId()));
    }

    private static Map<String, Outcome> expect(Outcome visitor, Outcome porteur, Outcome animator, Outcome otherAnimator,
            Outcome partner, Outcome coordinator, Outcome otherCoordinator, Outcome funder, Outcome admin) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("visitor", visitor);
        outcomes.put("porteur", porteur);
        outcomes.put("animator", animator);
        outcomes.put("otherAnimator", otherAnimator);
        outcomes.put("partner", partner);
        outcomes.put("coordinator", coordinator);
        outcomes.put("otherCoordinator", otherCoordinator);
        outcomes.put("funder", funder);
        outcomes.put("admin", admin);
        return outcomes;
    }

    private static final Outcome O = Outcome.OK;
    private static final Outcome F = Outcome.FORBIDDEN;
    private static final Outcome L = Outcome.LOGIN;

    @Test
    void everyRoleOnEveryRoute() {
        String file = "/espace/porteurs/" + porteur.id();
        String account = "/admin/utilisateurs/" + animatorCornouaille.id().value();
        Map<String, Map<String, Outcome>> matrix = new LinkedHashMap<>();
        //                                 visitor porteur anim otherA partner coord otherC funder admin
        matrix.put("/espace", expect(L, F, O, O, O, O, O, O, O));
        matrix.put("/espace/porteurs", expect(L, F, O, O, F, F, F, F, F));
        matrix.put("/espace/porteurs/nouveau", expect(L, F, O, O, F, F, F, F, F));
        matrix.put(file, expect(L, F, O, F, F, F, F, F, F));
        matrix.put("/mon-espace", expect(L, O, F, F, F, F, F, F, F));
        matrix.put("/admin/utilisateurs", expect(L, F, F, F, F, O, O, F, O));
        matrix.put("/admin/utilisateurs/inviter", expect(L, F, F, F, F, O, O, F, O));
        matrix.put(account, expect(L, F, F, F, F, O, F, F, O));
        matrix.put("/admin/journal", expect(L, F, F, F, F, O, O, F, O));
        matrix.put("/api/v1/me", expect(L, O, O, O, O, O, O, O, O));
        matrix.put("/api/v1/porteurs/" + porteur.id(), expect(L, O, O, F, F, F, F, F, F));
        matrix.put("/api/v1/admin/audit", expect(L, F, F, F, F, O, O, F, O));

        List<String> wrong = new ArrayList<>();
        matrix.forEach((route, outcomes) -> outcomes.forEach((who, expected) -> {
            HttpResponse<String> answer = sessions.get(who).get(route);
            String problem = check(route, expected, answer);
            if (problem != null) {
                wrong.add(who + " GET " + route + ": expected " + expected + ", " + problem);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    /** Null when the answer is what the outcome means, else what is wrong. */
    private static String check(String route, Outcome expected, HttpResponse<String> answer) {
        boolean api = route.startsWith("/api/");
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        return switch (expected) {
            case OK -> status == 200 ? null : "got " + status;
            case FORBIDDEN -> status != 403 ? "got " + status
                    : api && !(type.startsWith("application/problem+json") && answer.body().contains("\"status\":403"))
                            ? "not a 403 problem: " + answer.body()
                    : !api && !answer.body().contains("Accès refusé") ? "not the French 403 page" : null;
            case LOGIN -> api ? (status == 401 && type.startsWith("application/problem+json") ? null : "got " + status + " " + type)
                    : (status == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/connexion")
                            ? null : "got " + status + " " + answer.headers().firstValue("Location").orElse(""));
        };
    }

    @Test
    void changesAreRefusedOutsideTheScopeToo() {
        String account = "/admin/utilisateurs/" + animatorCornouaille.id().value();
        for (String who : List.of("otherCoordinator", "funder", "otherAnimator", "porteur")) {
            // the CSRF token of the page's own logout form: a genuine form of this user
            HttpResponse<String> answer = sessions.get(who).submit("/", account + "/desactivation", Map.of());
            assertThat(answer.statusCode()).as(who).isEqualTo(403);
        }
        assertThat(jdbc.sql("select status from account.user_account where id = :id")
                .param("id", animatorCornouaille.id().value()).query(String.class).single()).isEqualTo("ACTIVE");
        HttpResponse<String> visitor = new Session(port).submit("/connexion", account + "/desactivation", Map.of());
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(visitor.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    @Test
    void aFundersSessionNeverShowsPersonalData() {
        Session funder = sessions.get("funder");
        assertThat(funder.get("/espace/porteurs/" + porteur.id()).body()).doesNotContain(porteur.email());
        assertThat(funder.get("/api/v1/porteurs/" + porteur.id()).body()).doesNotContain(porteur.email());
    }
}
