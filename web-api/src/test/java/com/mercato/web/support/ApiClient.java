package com.mercato.web.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client of the running application: keeps cookies (the session and the
 * XSRF-TOKEN) and sends the CSRF header on state-changing requests, as the web app does.
 */
public final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String bearer;
    private final Map<String, String> headers = new java.util.concurrent.ConcurrentHashMap<>();

    ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public String base() {
        return base;
    }

    /** Sends this header on every request, such as a {@code User-Agent} or an {@code X-Forwarded-For} address. */
    public ApiClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiClient withBearer(String token) {
        this.bearer = token;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET that accepts anything, as a metrics scraper or a browser would. */
    public Response getAny(String path) {
        return send(request(path).setHeader("Accept", "*/*").GET());
    }

    public Response post(String path, Object body) {
        return send(json(request(path), "POST", body));
    }

    public Response patch(String path, Object body) {
        return send(json(request(path), "PATCH", body));
    }

    public Response put(String path, Object body) {
        return send(json(request(path), "PUT", body));
    }

    public Response delete(String path) {
        return send(withCsrf(request(path)).DELETE());
    }

    /** Sends a raw body with the given content type (for malformed-input tests). */
    public Response postRaw(String path, String contentType, String body) {
        return send(withCsrf(request(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a body with no CSRF header at all (for CSRF tests). */
    public Response postRawWithoutCsrf(String path, String body) {
        return postRawWithoutCsrf(path, body, "application/json");
    }

    public Response postRawWithoutCsrf(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(withCsrf(request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Logs in through the form, as a browser's fetch would; returns the login response. */
    public Response logIn(String email, String password) {
        if (csrfToken() == null) {
            get("/login");
        }
        return postForm("/login", Map.of("username", email, "password", password));
    }

    public Response logOut() {
        return send(withCsrf(request("/logout")).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public String csrfToken() {
        return cookie("XSRF-TOKEN");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(builder::setHeader);
        return builder;
    }

    private HttpRequest.Builder json(HttpRequest.Builder builder, String method, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return withCsrf(builder).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
        String token = csrfToken();
        if (token == null && bearer == null) {
            get("/login");
            token = csrfToken();
        }
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The problem's {@code type}, for asserting on error responses. */
        public String problemType() {
            return json().path("type").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
