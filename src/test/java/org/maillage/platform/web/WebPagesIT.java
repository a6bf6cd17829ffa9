package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.FailingPageForTests;
import org.maillage.support.Http;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTML side without a browser: French by default, errors in French, no internals leaked, headers. */
@MaillageIntegrationTest
class WebPagesIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void homeIsInFrenchWithTheSharedLayout() {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("<html lang=\"fr\"")
                .contains("Vous avez un projet ? Trouvez votre pôle ESS")
                .contains("Aller au contenu")
                .contains("Mentions légales", "Accessibilité : partiellement conforme", "Données personnelles");
    }

    @Test
    void englishOnRequest() {
        HttpResponse<String> home = http.get("/?lang=en");
        assertThat(home.body()).contains("<html lang=\"en\"").contains("Got a project? Find your ESS hub");
        assertThat(home.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("maillage-lang=en"));
    }

    @Test
    void typingACommuneLeadsToItsPoleWithoutJavascript() {
        HttpResponse<String> search = http.get("/trouver-mon-pole?q=" + q("Loudéac"));
        assertThat(search.statusCode()).isEqualTo(302);
        assertThat(search.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/trouver-mon-pole/22136"));

        HttpResponse<String> result = http.get("/trouver-mon-pole/22136");
        assertThat(result.body()).contains("Votre pôle ESS : ADESS Centre Bretagne").contains("Et maintenant ?");
    }

    @Test
    void severalCommunesGiveAChoice() {
        HttpResponse<String> search = http.get("/trouver-mon-pole?q=saint");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Plus de 20 communes correspondent à votre recherche : voici les 20 premières")
                .contains("/trouver-mon-pole/22278")
                .contains("<title>Choisissez votre commune — Trouver mon pôle ESS — Maillage</title>");
        HttpResponse<String> few = http.get("/trouver-mon-pole?q=22600");
        assertThat(few.body()).containsPattern("<h2 id=\"choices-title\">\\d+ communes correspondent à votre recherche</h2>");
    }

    @Test
    void badInputGetsAFrenchMessageNextToTheField() {
        HttpResponse<String> empty = http.get("/trouver-mon-pole?q=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"commune-error\"").contains("Saisissez le nom de votre commune")
                .contains("aria-invalid=\"true\"").contains("<title>Erreur : trouver mon pôle ESS — Maillage</title>");

        HttpResponse<String> sql = http.get("/trouver-mon-pole?q=" + q("'; DROP TABLE territory.commune; --"));
        assertThat(sql.statusCode()).isEqualTo(400);
        assertThat(sql.body()).contains("n’accepte que des lettres");

        HttpResponse<String> tooLong = http.get("/trouver-mon-pole?q=" + "b".repeat(500));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("au plus 100 caractères");

        HttpResponse<String> none = http.get("/trouver-mon-pole?q=zzzqqq");
        assertThat(none.body()).contains("Aucune commune ne correspond à « zzzqqq »");
    }

    @Test
    void suggestionsCarryTheSentenceScreenReadersHear() {
        assertThat(http.get("/territoires/communes/suggestions?q=loudeac").body())
                .contains("role=\"option\"").contains("Loudéac (22600)")
                .contains("hx-swap-oob=\"innerHTML:#commune-status\">1 commune proposée.");
        assertThat(http.get("/territoires/communes/suggestions?q=" + q("Rennes;")).body())
                .doesNotContain("role=\"option\"").contains("n’accepte que des lettres");
        assertThat(http.get("/territoires/communes/suggestions?q=").body())
                .contains("hx-swap-oob=\"innerHTML:#commune-status\"></span>");
    }

    @Test
    void anUncoveredCommuneShowsTheRegionalCoordination() {
        HttpResponse<String> result = http.get("/trouver-mon-pole/22206");
        assertThat(result.body()).contains("Aucun pôle ESS ne couvre encore Châtelaudren-Plouagat")
                .contains("CRESS Bretagne").contains("tel:0299859191");
    }

    @Test
    void notFoundPageIsFrench() {
        HttpResponse<String> missing = http.get("/cette-page-n-existe-pas");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page introuvable").contains("Erreur 404").contains("<html lang=\"fr\"");
        HttpResponse<String> unknownCommune = http.get("/trouver-mon-pole/99999");
        assertThat(unknownCommune.statusCode()).isEqualTo(404);
        assertThat(unknownCommune.body()).contains("Aucune commune n’a le code INSEE « 99999 »");
    }

    @Test
    void forbiddenPageIsFrench() {
        HttpResponse<String> refused = http.post("/trouver-mon-pole", "q=Rennes");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé").contains("Erreur 403");
        HttpResponse<String> actuator = http.get("/actuator/env");
        // Closed to everyone; a visitor who is not signed in is sent to the login page.
        assertThat(actuator.statusCode()).isEqualTo(302);
        assertThat(actuator.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/connexion"));
        assertThat(actuator.body()).doesNotContain("systemProperties");
    }

    @Test
    void serverErrorPageIsFrenchAndHidesInternals() {
        HttpResponse<String> failure = http.get("/test/failure");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("Erreur du serveur").contains("Rien de ce que vous aviez enregistré n’est perdu")
                .doesNotContain(FailingPageForTests.SECRET, "IllegalStateException", "at org.", "Whitelabel");
    }

    @Test
    void securityHeadersAreSet() {
        HttpResponse<String> home = http.get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).containsPattern("script-src 'nonce-[A-Za-z0-9+/=_-]{16,}' 'strict-dynamic'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        String nonce = home.headers().firstValue("Content-Security-Policy").orElseThrow()
                .replaceFirst("(?s).*'nonce-([^']+)'.*", "$1");
        assertThat(home.body()).contains("<script").doesNotContainPattern("<script(?![^>]*nonce=\"" + java.util.regex.Pattern.quote(nonce) + "\")");
        assertThat(http.get("/").headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain(nonce);
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void healthIsUpAndPublic() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void legalPagesExist() {
        assertThat(http.get("/mentions-legales").body()).contains("<h1>Mentions légales</h1>");
        assertThat(http.get("/accessibilite").body()).contains("Déclaration d’accessibilité").contains("RGAA");
        assertThat(http.get("/donnees-personnelles").body()).contains("aucune donnée personnelle")
                .contains("puis 3 ans après sa dernière étape").contains("vous prévient 30 jours avant").contains("6 et 18 mois");
    }

    @Test
    void polePagesShowCoverageAndItsReliability() {
        String list = http.get("/poles").body();
        assertThat(list).contains("ADESS Pays de Brest").contains("Territoire vérifié").contains("Nom provisoire");
        String brest = http.get("/poles/adess-pays-de-brest").body();
        assertThat(brest).contains("Brest Métropole").contains("Ouessant").contains("à confirmer");
        assertThat(http.get("/poles/nope").statusCode()).isEqualTo(404);
    }
}
