package com.mercato.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3, concurrent logins. 20 shops with 10 members each (the owner and 9 more), on plans whose
 * seats are fewer than that for most of them (Advanced 10, Regular 5, Lite 2): the state a shop is
 * in after a downgrade. All 200 members log in at once through the form and make one API call.
 * Reports logins per second, login p50/p99, and seat violations: shops where more distinct members
 * than seats made a successful API call (must be 0).
 *
 * <p>Members are inserted directly into {@code public.users} and {@code public.memberships} (with the
 * owner's password hash, so every member has a real hash of the same password), most recently
 * activated last, so the members beyond the seats are well defined.
 *
 * System properties: bench.shops (20), bench.members (10 per shop, owner included), bench.results.
 */
public final class LoginBench {

    private static final String PASSWORD = "bench-horse-battery-42";
    private static final List<String> PLANS = List.of("ADVANCED", "REGULAR", "LITE");

    record Member(String slug, UUID shop, String email) {
    }

    record Outcome(Member member, int login, int call, long loginMicros, long callMicros) {
    }

    public static void main(String[] args) throws Exception {
        int shops = Integer.getInteger("bench.shops", 20);
        int perShop = Integer.getInteger("bench.members", 10);
        String runId = Instant.now().getEpochSecond() + "_" + ProcessHandle.current().pid();
        Path results = Path.of(System.getProperty("bench.results", "infra/bench/results")).resolve("logins-" + runId);
        Files.createDirectories(results);
        List<String> report = new ArrayList<>();
        try (BenchApp app = BenchApp.start("logins_" + runId, results, Map.of())) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String tag = Long.toString(Instant.now().getEpochSecond() % 1_000_000, 36);
            List<Member> members = new ArrayList<>();
            Map<UUID, String> planOf = new HashMap<>();
            for (int s = 0; s < shops; s++) {
                String slug = "lg-" + tag + "-" + s;
                String plan = PLANS.get(s % PLANS.size());
                String owner = slug + "@bench.example.com";
                Browser.Response signup = new Browser(app.base).post("/api/v1/signup", Map.of("shopName", "Bench " + slug,
                        "slug", slug, "ownerEmail", owner, "ownerPassword", PASSWORD, "ownerName", "Owner " + slug,
                        "plan", plan, "interval", "MONTH")).expect(201, "sign-up of " + slug);
                UUID shop = UUID.fromString(signup.json().path("shopId").asString());
                planOf.put(shop, plan);
                members.add(new Member(slug, shop, owner));
                String hash = jdbc.sql("SELECT password_hash FROM public.users WHERE email = ?").param(owner).query(String.class).single();
                Instant activated = Instant.now();
                for (int m = 1; m < perShop; m++) {
                    String email = "m" + m + "." + slug + "@bench.example.com";
                    UUID user = UUID.randomUUID();
                    Timestamp at = Timestamp.from(activated.plusSeconds(m));
                    jdbc.sql("INSERT INTO public.users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                            .params(user, email, "Member " + m + " of " + slug, hash, at).update();
                    jdbc.sql("""
                                    INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at)
                                    VALUES (?, ?, ?, 'AGENT', 'ACTIVE', ?, ?)""")
                            .params(UUID.randomUUID(), shop, user, at, at).update();
                    members.add(new Member(slug, shop, email));
                }
            }
            Map<UUID, Integer> seats = new HashMap<>();
            for (UUID shop : planOf.keySet()) {
                seats.put(shop, jdbc.sql("""
                                SELECT p.seats + s.extra_seats FROM public.subscriptions s
                                JOIN public.plans p ON p.code = s.plan_code AND p.version = s.plan_version WHERE s.tenant_id = ?""")
                        .param(shop).query(Integer.class).single());
            }
            BenchApp.log("%d shops, %d members; logging all in at once", shops, members.size());

            // Warm the login path a little (one shop's owner), so the figure is not all JIT compilation.
            for (int i = 0; i < 5; i++) {
                new Browser(app.base).logIn(members.getFirst().email(), PASSWORD);
            }

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            long t0;
            long loginsDone;
            List<Outcome> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Member member : members) {
                    futures.add(pool.submit(() -> {
                        Browser browser = new Browser(app.base);
                        browser.get("/login"); // the XSRF-TOKEN cookie, as the login page would give it
                        start.await();
                        long a = System.nanoTime();
                        int login = browser.logIn(member.email(), PASSWORD).status();
                        long b = System.nanoTime();
                        int call = login == 200 ? browser.get("/api/v1/shops/" + member.slug() + "/contacts?size=1").status() : -1;
                        long c = System.nanoTime();
                        return new Outcome(member, login, call, (b - a) / 1000, (c - b) / 1000);
                    }));
                }
                Thread.sleep(500);
                t0 = System.nanoTime();
                start.countDown();
                for (Future<Outcome> f : futures) {
                    outcomes.add(f.get());
                }
                loginsDone = System.nanoTime();
            }
            double wall = (loginsDone - t0) / 1e9;
            long[] loginMicros = outcomes.stream().mapToLong(Outcome::loginMicros).sorted().toArray();
            long[] callMicros = outcomes.stream().filter(o -> o.call() > 0).mapToLong(Outcome::callMicros).sorted().toArray();
            Map<Integer, Integer> loginStatuses = new HashMap<>();
            Map<Integer, Integer> callStatuses = new HashMap<>();
            Map<UUID, Set<String>> acting = new HashMap<>();
            for (Outcome o : outcomes) {
                loginStatuses.merge(o.login(), 1, Integer::sum);
                callStatuses.merge(o.call(), 1, Integer::sum);
                if (o.call() == 200) {
                    acting.computeIfAbsent(o.member().shop(), k -> new HashSet<>()).add(o.member().email());
                }
            }
            int violations = 0;
            int membersBeyondSeats = 0;
            StringBuilder perShopLines = new StringBuilder();
            for (UUID shop : planOf.keySet()) {
                int limit = seats.get(shop);
                int active = acting.getOrDefault(shop, Set.of()).size();
                membersBeyondSeats += Math.max(0, perShop - limit);
                if (active > limit) {
                    violations++;
                }
                perShopLines.append("  ").append(shop).append(' ').append(planOf.get(shop)).append(": seats ").append(limit)
                        .append(", members ").append(perShop).append(", acted ").append(active).append(active > limit ? "  VIOLATION" : "")
                        .append('\n');
            }
            Files.writeString(results.resolve("shops.txt"), perShopLines);
            report.add("concurrent logins   run " + runId + "   " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
            report.add("%d shops x %d members = %d logins at once (%d members beyond their shop's seats)"
                    .formatted(shops, perShop, members.size(), membersBeyondSeats));
            report.add("logins + one API call each: %.2f s wall = %.1f logins/s; login p50 %.0f ms, p99 %.0f ms, max %.0f ms; API call p50 %.0f ms, p99 %.0f ms"
                    .formatted(wall, members.size() / wall, pct(loginMicros, 50), pct(loginMicros, 99), pct(loginMicros, 100),
                            pct(callMicros, 50), pct(callMicros, 99)));
            report.add("login statuses " + new java.util.TreeMap<>(loginStatuses) + ", API call statuses " + new java.util.TreeMap<>(callStatuses)
                    + " (-1: no call, login failed)");
            report.add("seat violations (shops where more distinct members than seats made a successful call): %d of %d shops (must be 0)"
                    .formatted(violations, shops));
            report.add("per shop: " + results.resolve("shops.txt"));
            report.add("load average: " + BenchApp.loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(results.resolve("report.txt"), text);
        Files.writeString(results.getParent().resolve("logins-latest.txt"), text);
        System.exit(0);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }

}
