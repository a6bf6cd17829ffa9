package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every operation of the OpenAPI document, fed malformed input by a visitor, a coordinator and an
 * animator: path and query parameters of the wrong type, unknown enum values, huge strings, quotes
 * and markup (up to 6,000 characters: Tomcat refuses longer request lines itself, with a bare 400), a NUL
 * character; JSON bodies that are empty, broken, of the wrong shape or type, 5,000
 * levels deep, 2 MB long or with a NUL. None may fail (5xx); every refusal is a problem+json.
 */
@MaillageIntegrationTest
class ApiFuzzIT {

    /**
     * No slash nor NUL: Tomcat itself refuses an encoded slash or NUL in a path (and a request line over
     * 8 KB) with a bare 400, before the application.
     */
    private static final List<String> PATH_VALUES = List.of("'", "\"><svg onload=alert(1)>", "-1", "0",
            "9".repeat(30), "x".repeat(3000), "é ü 😀", "..", "null", "1 or 1=1");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private final ObjectMapper json = new ObjectMapper();

    /** Wrong values for a query parameter of this schema (its type, enum, format). */
    private static List<String> queryValues(JsonNode schema) {
        // 6,000 characters: longer request lines are refused by Tomcat itself (8 KB), before the application
        List<String> values = new ArrayList<>(List.of("x".repeat(6_000), "'; drop table x; --", "<svg onload=alert(1)>",
                "%00", ""));
        String type = schema == null || schema.get("type") == null ? "string" : schema.get("type").asString();
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("abc", "1e99", "99999999999999999999", "-99999999999", "1.5"));
            case "boolean" -> values.add("maybe");
            default -> {
            }
        }
        if (schema != null && schema.has("enum")) {
            values.add("NOT_A_VALUE");
        }
        return values;
    }

    private static final List<String> BODIES = List.of("", "{", "[]", "null", "42", "\"text\"",
            "[".repeat(5000) + "]".repeat(5000), "{\"stage\": 5, \"needs\": \"FINANCING\", \"collective\": \"oui\"}",
            "{\"stage\": \"NOT_A_STAGE\", \"needs\": [\"NOT_A_NEED\"], \"commune\": \"29151\"}",
            "{\"stage\": \"IDEE\", \"commune\": \"29151\", \"idea\": \"" + "x".repeat(2_000_000) + "\"}",
            "{\"stage\": \"IDEE\", \"commune\": \"29151\", \"idea\": \"a\\u0000b\", \"legalForm\": \"\\u0000\"}",
            "{\"stage\": \"IDEE\", \"commune\": \"" + "9".repeat(500) + "\", \"limit\": -5}",
            "{\"stage\": \"IDEE\", \"commune\": \"29151\", \"limit\": 99999999999}");

    @Test
    void malformedInputNeverFailsAndEveryRefusalIsAProblem() throws Exception {
        JsonNode document = json.readTree(new Session(port).get("/api/docs").body());
        Map<String, Session> callers = new LinkedHashMap<>();
        callers.put("visitor", new Session(port));
        callers.put("coordinator", new Session(port).signedIn(users.staff(Role.COORDINATEUR, "53").email()));
        callers.put("animator", new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-cornouaille").email()));

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String path : document.get("paths").propertyNames()) {
            JsonNode operations = document.get("paths").get(path);
            for (String method : operations.propertyNames()) {
                JsonNode operation = operations.get(method);
                List<JsonNode> parameters = new ArrayList<>();
                if (operation.has("parameters")) {
                    operation.get("parameters").forEach(parameters::add);
                }
                List<String> probes = new ArrayList<>();
                if (path.contains("{")) {
                    for (String value : PATH_VALUES) {
                        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                        probes.add(path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encoded)));
                    }
                }
                String concrete = path.replaceAll("\\{[^}]+}", "29151");
                for (JsonNode parameter : parameters) {
                    if (!"query".equals(parameter.get("in").asString())) {
                        continue;
                    }
                    for (String value : queryValues(parameter.get("schema"))) {
                        String encoded = "%00".equals(value) ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
                        probes.add(concrete + "?" + parameter.get("name").asString() + "=" + encoded);
                    }
                }
                for (Map.Entry<String, Session> caller : callers.entrySet()) {
                    if ("get".equals(method)) {
                        for (String probe : probes) {
                            requests++;
                            check(caller.getKey() + " GET " + probe,
                                    caller.getValue().get(probe, "Accept", "application/json"), statuses, failures);
                        }
                    } else if ("post".equals(method) && operation.has("requestBody")) {
                        for (String body : BODIES) {
                            requests++;
                            check(caller.getKey() + " POST " + path + " " + body.substring(0, Math.min(60, body.length())),
                                    caller.getValue().postJson(concrete, body), statuses, failures);
                        }
                    }
                }
            }
        }
        System.out.printf("API fuzzing: %d requests on %d paths, statuses %s%n", requests,
                document.get("paths").size(), statuses);
        assertThat(requests).as("every operation probed by three callers").isGreaterThan(900);
        assertThat(failures).isEmpty();
    }

    private static void check(String what, HttpResponse<String> response, Map<Integer, Integer> statuses,
            List<String> failures) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() >= 500) {
            failures.add(response.statusCode() + " " + what);
        } else if (response.statusCode() >= 400
                && !response.headers().firstValue("Content-Type").orElse("").contains("application/problem+json")) {
            failures.add(response.statusCode() + " without problem+json (" + response.headers().firstValue("Content-Type")
                    .orElse("none") + ") " + what);
        }
    }
}
