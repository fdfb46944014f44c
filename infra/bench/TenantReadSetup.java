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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the tenant-scoped read bench: signs up {@code shops} shops over the API, logs each
 * owner in through the form (CSRF token from the XSRF-TOKEN cookie, as the web app does),
 * creates {@code contacts} contacts per shop over the API, checks one read answers 200, and
 * writes a Lua table of (path, header name, header value) triples for wrk: the owner's session
 * cookie, or with {@code bearer} an access token of an integration client of the shop (client
 * credentials grant), the path an API integration takes.
 *
 * <p>Run: {@code java TenantReadSetup.java <base-url> <shops> <contacts-per-shop> <out.lua> <run-tag> [session|bearer]}
 */
public final class TenantReadSetup {

    static final String PASSWORD = "bench-horse-battery-42";
    static final Pattern SHOP_ID = Pattern.compile("\"shopId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Shop(String slug, String headerName, String headerValue, List<String> contactIds) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int shops = Integer.parseInt(args[1]);
        int contacts = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        String tag = args[4];
        boolean bearer = args.length > 5 && args[5].equals("bearer");

        long started = System.nanoTime();
        Semaphore parallel = new Semaphore(4);
        List<Future<Shop>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < shops; i++) {
                String slug = "rd-" + tag + "-" + i;
                futures.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        return prepare(base, slug, contacts, bearer);
                    } finally {
                        parallel.release();
                    }
                }));
            }
        }
        List<Shop> ready = new ArrayList<>();
        for (Future<Shop> f : futures) {
            ready.add(f.get());
        }
        StringBuilder lua = new StringBuilder("pairs_ = {\n");
        for (Shop shop : ready) {
            for (String id : shop.contactIds()) {
                lua.append("  {\"/api/v1/shops/").append(shop.slug()).append("/contacts/").append(id)
                        .append("\", \"").append(shop.headerName()).append("\", \"").append(shop.headerValue()).append("\"},\n");
            }
        }
        lua.append("}\n");
        Files.writeString(out, lua);
        System.err.printf("prepared %d shops x %d contacts in %.1f s%n", shops, contacts, (System.nanoTime() - started) / 1e9);
    }

    static Shop prepare(String base, String slug, int contacts, boolean bearer) throws Exception {
        Client anonymous = new Client(base);
        String email = slug + "@bench.example.com";
        Client.Result signup = anonymous.json("POST", "/api/v1/signup", """
                {"shopName":"Bench %s","slug":"%s","ownerEmail":"%s","ownerPassword":"%s","ownerName":"Owner %s",\
                "plan":"ADVANCED","interval":"MONTH"}""".formatted(slug, slug, email, PASSWORD, slug));
        require(signup, 201, "sign-up of " + slug);
        Client owner = new Client(base);
        require(owner.logIn(email, PASSWORD), 200, "login of " + email);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < contacts; c++) {
            Client.Result created = owner.json("POST", "/api/v1/shops/" + slug + "/contacts", """
                    {"name":"Contact %d of %s","email":"c%d@%s.example.com","phone":"+85290000%03d","tags":["bench"]}"""
                    .formatted(c, slug, c, slug, c % 1000));
            require(created, 201, "contact of " + slug);
            Matcher m = ID.matcher(created.body());
            if (!m.find()) {
                throw new IllegalStateException("no id in " + created.body());
            }
            ids.add(m.group(1));
        }
        require(owner.json("GET", "/api/v1/shops/" + slug + "/contacts/" + ids.getFirst(), null), 200, "read back");
        if (!bearer) {
            return new Shop(slug, "Cookie", owner.cookieHeader(), ids);
        }
        String authorization = "Bearer " + accessToken(base, owner, slug);
        Client integration = new Client(base);
        require(integration.send(integration.request("/api/v1/shops/" + slug + "/contacts/" + ids.getFirst())
                .header("Authorization", authorization).GET()), 200, "read back with a token");
        return new Shop(slug, "Authorization", authorization, ids);
    }

    /** An integration client of the shop, created by its owner, and a token from the client credentials grant. */
    static String accessToken(String base, Client owner, String slug) throws Exception {
        Client.Result created = owner.json("POST", "/api/v1/shops/" + slug + "/api-clients", "{\"name\":\"bench\"}");
        require(created, 201, "API client of " + slug);
        String basic = java.util.Base64.getEncoder().encodeToString(
                (field(created.body(), "clientId") + ":" + field(created.body(), "clientSecret")).getBytes(StandardCharsets.UTF_8));
        Client client = new Client(base);
        Client.Result token = client.send(client.request("/oauth2/token").header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")));
        require(token, 200, "token for " + slug);
        return field(token.body(), "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void require(Client.Result result, int status, String what) {
        if (result.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + result.status() + " " + result.body());
        }
    }

    /** Keeps cookies like a browser and sends the CSRF header on state-changing requests. */
    static final class Client {
        record Result(int status, String body) {
        }

        final String base;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
        }

        String cookieHeader() {
            StringBuilder header = new StringBuilder();
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if (!c.getValue().isEmpty()) {
                    header.append(header.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
                }
            }
            return header.toString();
        }

        Result logIn(String email, String password) throws IOException, InterruptedException {
            if (cookie("XSRF-TOKEN") == null) {
                send(request("/login").GET());
            }
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send(request("/login").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        Result json(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder builder = request(path);
            if (body == null) {
                return send(builder.method(method, HttpRequest.BodyPublishers.noBody()));
            }
            if (cookie("XSRF-TOKEN") == null) {
                send(request("/login").GET());
            }
            return send(builder.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json");
        }

        Result send(HttpRequest.Builder builder) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body());
        }
    }
}
