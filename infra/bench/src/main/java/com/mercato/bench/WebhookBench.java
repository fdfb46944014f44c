package com.mercato.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.billing.webhook.WebhookWorker;
import com.mercato.web.support.stripe.FakeStripe;
import com.mercato.web.support.stripe.StripeSignatures;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4, webhook ingestion. Two sets of shops, each shop of set B the twin of one of set A: same
 * plan, same story at Stripe (checkout, failed renewals, payments, cancellation), against the fake
 * Stripe on a fixed clock so both stories produce equal subscriptions and invoices.
 *
 * <ol>
 * <li>Set A's events plus 10% duplicates, shuffled, are posted signed, {@code bench.concurrency}
 * at a time: events per second acknowledged, then the time until the worker has processed them all.</li>
 * <li>Set B's events are replayed one at a time in Stripe's order, each processed before the next.</li>
 * <li>Every shop's final state (status, subscription, mirrored invoices) is compared with its twin's,
 * and with the status its story should end in.</li>
 * </ol>
 *
 * System properties: bench.events (10000), bench.duplicates (0.10), bench.concurrency (32),
 * bench.seed (42), bench.results (infra/bench/results), bench.redis, bench.postgres.
 */
public final class WebhookBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench-horse-battery-42";
    private static final List<Choice> CHOICES = List.of(new Choice("LITE", "MONTH", 2), new Choice("REGULAR", "MONTH", 5),
            new Choice("REGULAR", "YEAR", 7), new Choice("ADVANCED", "MONTH", 10), new Choice("ADVANCED", "MONTH", 12),
            new Choice("REGULAR", "MONTH", 6));

    record Choice(String plan, String interval, int seats) {
    }

    enum Op {
        FAIL_RENEWAL(2), PAY_INVOICE(2), CANCEL(1);

        final int events;

        Op(int events) {
            this.events = events;
        }
    }

    /** What happens to one shop at Stripe after its checkout. */
    record Story(Choice choice, List<Op> ops) {
        int events() {
            return 3 + ops.stream().mapToInt(o -> o.events).sum();
        }

        String expectedStatus() {
            if (ops.isEmpty()) {
                return "ACTIVE";
            }
            return switch (ops.getLast()) {
                case FAIL_RENEWAL -> "PAST_DUE";
                case PAY_INVOICE -> "ACTIVE";
                case CANCEL -> "CANCELLED";
            };
        }
    }

    record Shop(UUID id, String slug, String checkoutSession) {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 10_000);
        double duplicateShare = Double.parseDouble(System.getProperty("bench.duplicates", "0.10"));
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        long seed = Long.getLong("bench.seed", 42);
        String runId = Instant.now().getEpochSecond() + "_" + ProcessHandle.current().pid();
        Path results = Path.of(System.getProperty("bench.results", "infra/bench/results")).resolve("webhooks-" + runId);
        Files.createDirectories(results);

        Random random = new Random(seed);
        int uniqueTarget = (int) Math.round(events / (1 + duplicateShare));
        List<Story> stories = new ArrayList<>();
        int unique = 0;
        while (unique < uniqueTarget) {
            Story story = story(random, uniqueTarget - unique);
            stories.add(story);
            unique += story.events();
        }
        int duplicates = events - unique;
        BenchApp.log("%d shops per set, %d events per set, %d duplicates in the shuffled delivery", stories.size(), unique, duplicates);

        FakeStripe stripe = FakeStripe.get();
        stripe.useClock(Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        Map<String, Object> properties = Map.of(
                "stripe.secret-key", FakeStripe.SECRET_KEY,
                "stripe.webhook-secret", FakeStripe.WEBHOOK_SECRET,
                "stripe.api-base", stripe.url(),
                "stripe.read-timeout", "PT10S",
                "stripe.max-network-retries", "0",
                "mercato.billing.webhook-poll-interval", "PT1S");
        List<String> report = new ArrayList<>();
        try (BenchApp app = BenchApp.start("webhooks_" + runId, results, properties)) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            WebhookWorker worker = app.bean(WebhookWorker.class);
            String tag = Long.toString(Instant.now().getEpochSecond() % 1_000_000, 36);
            long t0 = System.nanoTime();
            List<Shop> setA = prepare(app.base, "wa-" + tag, stories);
            List<Shop> setB = prepare(app.base, "wb-" + tag, stories);
            BenchApp.log("prepared %d shops (sign-up, login, checkout) in %.0f s", 2 * stories.size(), seconds(t0));

            List<List<String>> eventsA = new ArrayList<>();
            List<List<String>> eventsB = new ArrayList<>();
            for (int i = 0; i < stories.size(); i++) {
                eventsA.add(tellAtStripe(stripe, setA.get(i), stories.get(i)));
                eventsB.add(tellAtStripe(stripe, setB.get(i), stories.get(i)));
            }

            // 1. shuffled, with duplicates, concurrent
            List<String> allA = eventsA.stream().flatMap(List::stream).toList();
            List<String> deliveries = new ArrayList<>(allA);
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < allA.size(); i++) {
                indices.add(i);
            }
            Collections.shuffle(indices, random);
            for (int i = 0; i < duplicates; i++) {
                deliveries.add(allA.get(indices.get(i % indices.size())));
            }
            Collections.shuffle(deliveries, random);
            String webhook = app.base + "/api/v1/billing/stripe/webhook";
            BenchApp.log("delivering %d events (%d unique), %d at a time", deliveries.size(), allA.size(), concurrency);
            long ingestStart = System.nanoTime();
            Delivery delivered = deliver(webhook, deliveries, concurrency);
            double ackSeconds = seconds(ingestStart);
            Set<String> idsA = ids(allA);
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            int pending;
            while ((pending = pending(jdbc, idsA)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double processedSeconds = seconds(ingestStart);
            Map<String, Integer> outcomesA = outcomes(jdbc, idsA);

            // 2. sequential replay in Stripe's order, each processed before the next
            List<String> allB = eventsB.stream().flatMap(List::stream).toList();
            BenchApp.log("replaying %d events one at a time", allB.size());
            long replayStart = System.nanoTime();
            for (String payload : allB) {
                int status = post(webhook, payload);
                if (status != 200) {
                    throw new IllegalStateException("replay delivery answered " + status);
                }
                String id = JSON.readTree(payload).path("id").asString();
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while ("PENDING".equals(jdbc.sql("SELECT status FROM public.webhook_events WHERE id = ?").param(id)
                        .query(String.class).single())) {
                    if (worker.drain() == 0) {
                        Thread.sleep(2);
                    }
                    if (System.nanoTime() > until) {
                        throw new IllegalStateException("event " + id + " still pending after 60 s");
                    }
                }
            }
            double replaySeconds = seconds(replayStart);
            Map<String, Integer> outcomesB = outcomes(jdbc, ids(allB));

            // 3. final states
            int equal = 0;
            int expectedA = 0;
            int expectedB = 0;
            List<String> mismatches = new ArrayList<>();
            Map<String, Integer> offStory = new java.util.TreeMap<>();
            StringBuilder csv = new StringBuilder("shop\tstory\texpected_status\tshuffled\tsequential\n");
            for (int i = 0; i < stories.size(); i++) {
                String a = state(jdbc, setA.get(i).id());
                String b = state(jdbc, setB.get(i).id());
                if (a.equals(b)) {
                    equal++;
                } else if (mismatches.size() < 10) {
                    mismatches.add("  shop " + i + " " + stories.get(i) + "\n    shuffled:   " + a + "\n    sequential: " + b);
                }
                String expected = stories.get(i).expectedStatus();
                csv.append(i).append('\t').append(stories.get(i)).append('\t').append(expected).append('\t').append(a)
                        .append('\t').append(b).append('\n');
                expectedA += a.startsWith(expected + "|") ? 1 : 0;
                if (!a.startsWith(expected + "|")) {
                    offStory.merge("shuffled: story ends " + expected + ", shop is " + a.substring(0, a.indexOf('|')), 1, Integer::sum);
                }
                if (!b.startsWith(expected + "|")) {
                    offStory.merge("sequential: story ends " + expected + ", shop is " + b.substring(0, b.indexOf('|')), 1, Integer::sum);
                }
                expectedB += b.startsWith(expected + "|") ? 1 : 0;
            }

            Files.writeString(results.resolve("final-states.tsv"), csv);
            report.add("webhook ingestion   run " + runId + "   " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
            report.add("shops: %d per set (%d subscriptions), events: %d unique + %d duplicates = %d deliveries, concurrency %d"
                    .formatted(stories.size(), stories.size(), allA.size(), duplicates, deliveries.size(), concurrency));
            report.add("ingestion (acknowledged): %d deliveries in %.2f s = %.0f events/s; ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; non-200: %d"
                    .formatted(deliveries.size(), ackSeconds, deliveries.size() / ackSeconds, delivered.percentile(50),
                            delivered.percentile(99), delivered.percentile(100), delivered.failures()));
            report.add("processing: all %d unique events done %.2f s after the first delivery (%.0f events/s end to end); still pending: %d; outcomes %s"
                    .formatted(allA.size(), processedSeconds, allA.size() / processedSeconds, pending, outcomesA));
            report.add("sequential replay (deliver, process, next): %d events in %.2f s = %.0f events/s; outcomes %s"
                    .formatted(allB.size(), replaySeconds, allB.size() / replaySeconds, outcomesB));
            report.add("final states equal to the sequential replay: %d/%d shops; status as the story says: shuffled %d/%d, sequential %d/%d"
                    .formatted(equal, stories.size(), expectedA, stories.size(), expectedB, stories.size()));
            offStory.forEach((what, n) -> report.add("  " + what + ": " + n + " shops"));
            report.addAll(mismatches);
            report.add("load average: " + BenchApp.loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " cores, shared with the load generator and PostgreSQL)");
        }
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(results.resolve("report.txt"), text);
        Files.writeString(results.getParent().resolve("webhooks-latest.txt"), text);
        System.exit(0);
    }

    private static Story story(Random random, int remaining) {
        Choice choice = CHOICES.get(random.nextInt(CHOICES.size()));
        List<Op> ops = new ArrayList<>();
        int cycles = random.nextInt(6);
        for (int c = 0; c < cycles; c++) {
            ops.add(Op.FAIL_RENEWAL);
            ops.add(Op.PAY_INVOICE);
        }
        double end = random.nextDouble();
        if (end < 0.25) {
            ops.add(Op.FAIL_RENEWAL);
        } else if (end < 0.45) {
            ops.add(Op.CANCEL);
        } else if (end < 0.55) {
            ops.add(Op.FAIL_RENEWAL);
            ops.add(Op.CANCEL);
        }
        Story story = new Story(choice, ops);
        while (story.events() > remaining && !ops.isEmpty()) {
            ops.removeLast();
            story = new Story(choice, ops);
        }
        return new Story(choice, List.copyOf(ops));
    }

    /** Signs each shop up, logs its owner in and starts a checkout, a few at a time. */
    private static List<Shop> prepare(String base, String prefix, List<Story> stories) throws Exception {
        Semaphore slots = new Semaphore(4);
        AtomicInteger done = new AtomicInteger();
        List<Future<Shop>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < stories.size(); i++) {
                String slug = prefix + "-" + i;
                Choice choice = stories.get(i).choice();
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        Shop shop = prepareOne(base, slug, choice);
                        if (done.incrementAndGet() % 100 == 0) {
                            BenchApp.log("  %s: %d/%d shops ready", prefix, done.get(), stories.size());
                        }
                        return shop;
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<Shop> shops = new ArrayList<>();
        for (Future<Shop> f : futures) {
            shops.add(f.get());
        }
        return shops;
    }

    private static Shop prepareOne(String base, String slug, Choice choice) {
        String email = slug + "@bench.example.com";
        Browser anonymous = new Browser(base);
        Browser.Response signup = anonymous.post("/api/v1/signup", Map.of("shopName", "Bench " + slug, "slug", slug,
                "ownerEmail", email, "ownerPassword", PASSWORD, "ownerName", "Owner " + slug, "plan", choice.plan(),
                "interval", choice.interval())).expect(201, "sign-up of " + slug);
        Browser owner = new Browser(base);
        owner.logIn(email, PASSWORD).expect(200, "login of " + email);
        Browser.Response checkout = owner.post("/api/v1/shops/" + slug + "/subscription/checkout",
                Map.of("plan", choice.plan(), "interval", choice.interval(), "seats", choice.seats())).expect(200, "checkout of " + slug);
        return new Shop(UUID.fromString(signup.json().path("shopId").asString()), slug,
                FakeStripe.sessionIdOf(checkout.json().path("url").asString()));
    }

    /** Plays the shop's story at the fake Stripe; returns the events in the order Stripe sends them. */
    private static List<String> tellAtStripe(FakeStripe stripe, Shop shop, Story story) {
        FakeStripe.Events checkout = stripe.completeCheckout(shop.checkoutSession());
        List<String> events = new ArrayList<>(checkout.payloads());
        String subscription = JSON.readTree(checkout.ofType("customer.subscription.created")).path("data").path("object")
                .path("id").asString();
        for (Op op : story.ops()) {
            events.addAll(switch (op) {
                case FAIL_RENEWAL -> stripe.failRenewal(subscription).payloads();
                case PAY_INVOICE -> stripe.payLatestInvoice(subscription).payloads();
                case CANCEL -> stripe.cancel(subscription).payloads();
            });
        }
        return events;
    }

    record Delivery(long[] micros, int failures) {
        double percentile(int p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1000.0;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Delivery deliver(String webhook, List<String> payloads, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < payloads.size(); i++) {
            queue.add(i);
        }
        long[] micros = new long[payloads.size()];
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    Integer i;
                    while ((i = queue.poll()) != null) {
                        long t = System.nanoTime();
                        int status = post(webhook, payloads.get(i));
                        micros[i] = (System.nanoTime() - t) / 1000;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new Delivery(micros, failures.get());
    }

    /** Signed now with the endpoint secret, exactly as Stripe signs. */
    private static int post(String webhook, String payload) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", StripeSignatures.header(payload, Instant.now(), FakeStripe.WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Set<String> ids(List<String> payloads) {
        Set<String> ids = new HashSet<>();
        for (String p : payloads) {
            ids.add(JSON.readTree(p).path("id").asString());
        }
        return ids;
    }

    private static int pending(JdbcClient jdbc, Set<String> ids) {
        // Events of this set that are not stored yet count as pending too.
        int done = jdbc.sql("SELECT count(*) FROM public.webhook_events WHERE status <> 'PENDING' AND id = ANY(?)")
                .param(ids.toArray(String[]::new)).query(Integer.class).single();
        return ids.size() - done;
    }

    private static Map<String, Integer> outcomes(JdbcClient jdbc, Set<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT status, count(*), sum(CASE WHEN attempts > 1 THEN 1 ELSE 0 END) FROM public.webhook_events WHERE id = ANY(?) GROUP BY status")
                .param(ids.toArray(String[]::new))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                    if (rs.getInt(3) > 0) {
                        counts.put(rs.getString(1) + " retried", rs.getInt(3));
                    }
                });
        return new java.util.TreeMap<>(counts);
    }

    /** What a shop ends as: status, subscription and mirrored invoices (ids and numbers differ between twins). */
    private static String state(JdbcClient jdbc, UUID shop) {
        String subscription = jdbc.sql("""
                        SELECT t.status || '|' || s.plan_code || ' v' || s.plan_version || ' ' || s.billing_interval
                               || ' +' || s.extra_seats || ' seats|' || s.provider_status || '|'
                               || coalesce(extract(epoch FROM s.current_period_start)::bigint::text, '-') || '..'
                               || coalesce(extract(epoch FROM s.current_period_end)::bigint::text, '-')
                               || '|cancel_at_end=' || s.cancel_at_period_end || '|grace=' || (s.grace_ends_at IS NOT NULL)
                               || '|sub=' || (s.subscription_id IS NOT NULL)
                        FROM public.tenants t JOIN public.subscriptions s ON s.tenant_id = t.id WHERE t.id = ?""")
                .param(shop).query(String.class).single();
        String invoices = jdbc.sql("""
                        SELECT coalesce(string_agg(status || ':' || amount_due || ':' || amount_paid || ':'
                               || coalesce(extract(epoch FROM period_start)::bigint::text, '-'), ','
                               ORDER BY period_start, amount_due, status), '')
                        FROM public.invoices WHERE tenant_id = ?""")
                .param(shop).query(String.class).single();
        return subscription + "|invoices=" + invoices;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
