package org.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A visitor with cookies (a browser without JavaScript): signs in, follows the CSRF rules of forms. */
public final class Session {

    public static final String PASSWORD = TestUsers.PASSWORD;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Session(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends this header with every request (e.g. {@code X-Forwarded-For}, as a local reverse proxy would). */
    public Session withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A download: the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET().build());
    }

    /** Posts a form of the page at {@code formPage} (its CSRF token included). */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        csrfToken(formPage).ifPresent(token -> all.put("_csrf", token));
        return post(action, all);
    }

    public HttpResponse<String> post(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a JSON body to the API with the session's cookies. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends a file with a form of the page at {@code formPage} (multipart/form-data, its CSRF token included). */
    public HttpResponse<String> upload(String formPage, String action, String field, String fileName, byte[] content) {
        String boundary = "----maillage" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        csrfToken(formPage).ifPresent(token -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + token + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Optional<String> csrfToken(String page) {
        Matcher matcher = CSRF.matcher(get(page).body());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Signs in with the login form; the answer is the form's (302 to /espace when it worked). */
    public HttpResponse<String> login(String email, String password) {
        return submit("/connexion", "/connexion", Map.of("email", email, "motDePasse", password));
    }

    public Session signedIn(String email) {
        HttpResponse<String> answer = login(email, PASSWORD);
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/espace")) {
            throw new AssertionError("login of " + email + " failed: " + answer.statusCode() + " " + answer.headers().map());
        }
        return this;
    }

    /** Opens the porteur's space with a magic link token, as the page of the link does. */
    public Session openedSpace(String token) {
        HttpResponse<String> answer = submit("/mon-espace/lien?jeton=" + token, "/mon-espace/lien", Map.of("jeton", token));
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/mon-espace")) {
            throw new AssertionError("magic link refused: " + answer.statusCode());
        }
        return this;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest original) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(original, (name, value) -> true);
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
