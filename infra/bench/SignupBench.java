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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-up to usable shop. {@code POST /api/v1/signup} returns once the shop's schema is created
 * and migrated, so its latency is the time to a usable shop.
 *
 * <ul>
 * <li>{@code fill <base> <count> <parallel> <tag>}: signs up {@code count} shops, {@code parallel}
 * at a time (the shops "already present").</li>
 * <li>{@code measure <base> <count> <tag> <latencies.csv>}: {@code count} sequential sign-ups, each
 * timed; prints median, p95, p99, min, max; then proves the last shop usable (its owner logs in
 * and creates a contact).</li>
 * </ul>
 */
public final class SignupBench {

    static final String PASSWORD = "bench-horse-battery-42";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fill" -> fill(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "measure" -> measure(args[1], Integer.parseInt(args[2]), args[3], Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void fill(String base, int count, int parallel, String tag) throws Exception {
        long started = System.nanoTime();
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String slug = "fill-" + tag + "-" + i;
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        HttpResponse<String> r = signUp(base, slug);
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("sign-up of " + slug + ": " + r.statusCode() + " " + r.body());
                        }
                        int n = done.incrementAndGet();
                        if (n % 100 == 0) {
                            System.err.printf("  %d/%d shops present (%.0f s)%n", n, count, (System.nanoTime() - started) / 1e9);
                        }
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("filled %d shops in %.1f s (%.1f sign-ups/s at %d in parallel)%n", count, seconds, count / seconds, parallel);
    }

    static void measure(String base, int count, String tag, Path csv) throws Exception {
        long[] micros = new long[count];
        String last = null;
        for (int i = 0; i < count; i++) {
            String slug = "sgn-" + tag + "-" + i;
            long t0 = System.nanoTime();
            HttpResponse<String> r = signUp(base, slug);
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (r.statusCode() != 201) {
                throw new IllegalStateException("sign-up of " + slug + ": " + r.statusCode() + " " + r.body());
            }
            last = slug;
        }
        StringBuilder lines = new StringBuilder("n,latency_ms\n");
        for (int i = 0; i < count; i++) {
            lines.append(i).append(',').append(micros[i] / 1000.0).append('\n');
        }
        Files.writeString(csv, lines);
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("signups=%d median_ms=%.1f p95_ms=%.1f p99_ms=%.1f min_ms=%.1f max_ms=%.1f mean_ms=%.1f%n", count,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[0] / 1000.0, sorted[count - 1] / 1000.0,
                Arrays.stream(sorted).average().orElse(0) / 1000.0);
        proveUsable(base, last);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }

    static HttpResponse<String> signUp(String base, String slug) throws Exception {
        String body = """
                {"shopName":"Bench %s","slug":"%s","ownerEmail":"%s@bench.example.com","ownerPassword":"%s",\
                "ownerName":"Owner %s","plan":"REGULAR","interval":"MONTH"}""".formatted(slug, slug, slug, PASSWORD, slug);
        // The sign-up endpoint is open to anonymous callers; a fresh client per call keeps no session.
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/signup")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The owner of the last shop signs in and creates a contact: the shop is usable. */
    static void proveUsable(String base, String slug) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(slug + "@bench.example.com", StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        int login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-XSRF-TOKEN", xsrf(cookies))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        int contact = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/shops/" + slug + "/contacts"))
                .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"First contact\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (login != 200 || contact != 201) {
            throw new IllegalStateException("last shop not usable: login " + login + ", contact " + contact);
        }
        System.err.println("last shop usable: owner logged in and created a contact");
    }

    static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }
}
