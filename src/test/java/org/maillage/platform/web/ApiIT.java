package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testsupport.FailingPageForTests;
import org.maillage.support.Http;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public API: commune search and pôle lookup, and problem+json with a French message on bad input. */
@MaillageIntegrationTest
class ApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Territories territories;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailFragment) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(detailFragment);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "trace");
    }

    @Test
    void searchesCommunesByNameAndPostalCode() {
        HttpResponse<String> response = http.get("/api/v1/territories/communes?q=loudeac");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = body(response).get(0);
        assertThat(first.get("code").asString()).isEqualTo("22136");
        assertThat(first.get("label").asString()).isEqualTo("Loudéac (22600)");
        assertThat(first.get("epciName").asString()).contains("Loudéac Communauté");

        assertThat(body(http.get("/api/v1/territories/communes?q=35000")).get(0).get("name").asString()).isEqualTo("Rennes");
        assertThat(body(http.get("/api/v1/territories/communes?q=" + q("Plœuc") + "&limit=1"))).hasSize(1);
    }

    @Test
    void findsThePoleOfACommune() {
        JsonNode result = body(http.get("/api/v1/poles?commune=22136"));
        assertThat(result.get("commune").get("name").asString()).isEqualTo("Loudéac");
        assertThat(result.get("poles")).hasSize(1);
        assertThat(result.get("poles").get(0).get("name").asString()).isEqualTo("ADESS Centre Bretagne");
        assertThat(result.get("coordination").get("code").asString()).isEqualTo("bretagne");
    }

    @Test
    void anUncoveredCommuneGetsNoPoleButTheCoordination() {
        JsonNode result = body(http.get("/api/v1/poles?commune=22206"));
        assertThat(result.get("poles")).isEmpty();
        assertThat(result.get("coordination").get("coordination").get("phone").asString()).isEqualTo("02 99 85 91 91");
    }

    @Test
    void listsAllPolesAndOnePole() {
        // the 20 pôles of the Brittany seed (other test classes add "Pôle test …" pôles)
        assertThat(body(http.get("/api/v1/poles")).get("poles"))
                .filteredOn(pole -> !pole.get("slug").asString().startsWith("pole-test-")).hasSize(20);
        JsonNode brest = body(http.get("/api/v1/poles/adess-pays-de-brest"));
        assertThat(brest.get("epcis")).hasSize(7);
        assertThat(brest.get("communes").get(0).get("name").asString()).isEqualTo("Ouessant");
        assertThat(brest.get("communes").get(0).get("verified").asBoolean()).isFalse();
    }

    @Test
    void emptyQueryIsRefused() {
        assertProblem(http.get("/api/v1/territories/communes?q="), 400, "Saisissez le nom de votre commune");
        assertProblem(http.get("/api/v1/territories/communes"), 400, "Saisissez le nom de votre commune");
    }

    @Test
    void tooLongQueryIsRefused() {
        assertProblem(http.get("/api/v1/territories/communes?q=" + "a".repeat(500)), 400, "au plus 100 caractères");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE territory.commune; --", "Rennes' OR '1'='1", "1 UNION SELECT * FROM pg_user",
            "<script>alert(1)</script>", "Rennes\"--"})
    void sqlOrScriptLookingQueriesAreRefusedAndHarmless(String attack) {
        assertProblem(http.get("/api/v1/territories/communes?q=" + q(attack)), 400, "n’accepte que des lettres");
        assertThat(jdbc.sql("select count(*) from territory.commune where region_code = '53'").query(Integer.class).single())
                .isEqualTo(1202);
    }

    @Test
    void quotesThatPassValidationReachTheDatabaseAsPlainText() {
        // An apostrophe is legitimate in a commune name (L'Hermitage): it must be bound, never spliced.
        for (String text : List.of("Rennes' OR TRUE", "drop table territory commune", "l'hermitage' or 'a")) {
            HttpResponse<String> response = http.get("/api/v1/territories/communes?q=" + q(text));
            assertThat(response.statusCode()).as(text).isEqualTo(200);
        }
        assertThat(territories.suggestCommunes("x'); drop table territory.commune; --", 10)).isEmpty();
        assertThat(territories.suggestCommunes("35'; drop table territory.commune_postal_code; --", 10)).isEmpty();
        assertThat(jdbc.sql("select count(*) from territory.commune where region_code = '53'").query(Integer.class).single())
                .isEqualTo(1202);
    }

    @Test
    void badLimitIsRefused() {
        assertProblem(http.get("/api/v1/territories/communes?q=ren&limit=0"), 400, "entre 1 et 50");
        assertProblem(http.get("/api/v1/territories/communes?q=ren&limit=abc"), 400, "« limit » n’a pas le bon format");
    }

    @Test
    void malformedOrUnknownInseeCodesAreRefused() {
        assertProblem(http.get("/api/v1/poles?commune=abc"), 400, "code INSEE de 5 caractères");
        assertProblem(http.get("/api/v1/poles?commune=" + q("22136' OR 1=1")), 400, "code INSEE de 5 caractères");
        assertProblem(http.get("/api/v1/poles?commune=99999"), 404, "Aucune commune n’a le code INSEE « 99999 »");
        assertProblem(http.get("/api/v1/territories/communes/99999"), 404, "99999");
        assertProblem(http.get("/api/v1/poles/no-such-pole"), 404, "no-such-pole");
    }

    @Test
    void messagesAreInEnglishOnRequest() {
        assertProblem(http.get("/api/v1/poles?commune=99999&lang=en"), 404, "No commune has the INSEE code");
    }

    @Test
    void unknownRoutesAndFailuresAreProblemsWithoutInternals() {
        assertProblem(http.get("/api/v1/nothing-here"), 404, "n’existe pas");
        HttpResponse<String> failure = http.get("/api/test/failure");
        assertProblem(failure, 500, "Une erreur inattendue");
        assertThat(failure.body()).doesNotContain(FailingPageForTests.SECRET, "IllegalStateException");
        assertProblem(http.post("/api/v1/poles", ""), 403, "");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        JsonNode document = body(http.get("/api/docs"));
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").propertyNames())
                .contains("/api/v1/territories/communes", "/api/v1/poles", "/api/v1/poles/{slug}");
    }
}
