package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

class ConcurrentSessionsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLoginBeyondTheLimitEndsTheLeastRecentlyUsedSession() {
        SignedUpShop shop = fixtures().shop("LITE");  // 2 sessions per member
        ApiClient first = shop.owner();
        ApiClient second = logIn(shop, "second-device");
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);  // the first is now the more recently used

        ApiClient third = logIn(shop, "third-device");

        ApiClient.Response ended = second.get("/api/v1/me");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.problemType()).isEqualTo("/problems/session-ended");
        assertThat(second.get("/api/v1/shops/" + shop.slug()).status()).isEqualTo(401);
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(third.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(third.get("/api/v1/me/sessions").json().size()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audit_log WHERE tenant_id = ? AND action = 'session.ended' AND cause = 'session-limit'")
                .param(shop.shopId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void underRefuseNewALoginBeyondTheLimitIsRefusedUntilASessionEnds() {
        SignedUpShop shop = fixtures().shop("LITE");
        assertThat(shop.owner().patch("/api/v1/shops/" + shop.slug() + "/settings",
                Map.of("maxSessionsPerMember", 1, "sessionOverflow", "REFUSE_NEW")).status()).isEqualTo(200);

        ApiClient refused = anonymous();
        ApiClient.Response login = refused.logIn(shop.ownerEmail(), Fixtures.PASSWORD);

        assertThat(login.status()).isEqualTo(409);
        assertThat(login.problemType()).isEqualTo("/problems/session-limit-reached");
        assertThat(login.json().path("maxSessionsPerMember").asInt()).isEqualTo(1);
        assertThat(refused.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(200);

        assertThat(shop.owner().logOut().status()).isEqualTo(204);
        assertThat(refused.logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(refused.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void parallelLoginsUnderRefuseNewNeverExceedTheLimit() throws Exception {
        for (int round = 0; round < 3; round++) {
            SignedUpShop shop = fixtures().shop("REGULAR");  // 3 sessions per member, one of them the owner's fixture login
            shop.owner().patch("/api/v1/shops/" + shop.slug() + "/settings", Map.of("sessionOverflow", "REFUSE_NEW"));

            List<Integer> statuses = parallelLogins(shop, 8);

            assertThat(statuses).as("round %d: %s", round, statuses).filteredOn(s -> s == 200).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
            assertThat(shop.owner().get("/api/v1/me/sessions").json().size()).isEqualTo(3);
        }
    }

    @Test
    void parallelLoginsUnderEndOldestLeaveExactlyTheLimit() throws Exception {
        SignedUpShop shop = fixtures().shop("REGULAR");
        List<ApiClient> clients = new ArrayList<>();

        List<Integer> statuses = parallelLogins(shop, 8, clients);

        assertThat(statuses).containsOnly(200);
        long alive = clients.stream().filter(c -> c.get("/api/v1/me").status() == 200).count()
                + (shop.owner().get("/api/v1/me").status() == 200 ? 1 : 0);
        assertThat(alive).isEqualTo(3);
    }

    @Test
    void aSessionStartsInTheFirstShopByNameAndSwitchesWithoutANewLogin() {
        SignedUpShop shop = fixtures().shop("REGULAR");  // "Shop shop-..."
        String other = Fixtures.uniqueSlug("another");
        assertThat(shop.owner().post("/api/v1/shops", Map.of("shopName", "A first shop by name", "slug", other, "plan", "LITE"))
                .status()).isEqualTo(201);
        ApiClient fresh = logIn(shop, "laptop");

        var me = fresh.get("/api/v1/me").json();
        assertThat(me.path("email").asString()).isEqualTo(shop.ownerEmail());
        assertThat(me.path("shops").size()).isEqualTo(2);
        assertThat(me.path("currentShop").path("slug").asString()).isEqualTo(other);

        ApiClient.Response switched = fresh.put("/api/v1/me/current-shop", Map.of("slug", shop.slug()));

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().path("currentShop").path("slug").asString()).isEqualTo(shop.slug());
        assertThat(fresh.get("/api/v1/me").json().path("currentShop").path("role").asString()).isEqualTo("OWNER");
        ApiClient.Response notMine = fresh.put("/api/v1/me/current-shop", Map.of("slug", fixtures().shop("LITE").slug()));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(fresh.get("/api/v1/me").json().path("currentShop").path("slug").asString()).isEqualTo(shop.slug());
    }

    private ApiClient logIn(SignedUpShop shop, String device) {
        ApiClient client = anonymous().withHeader("User-Agent", device);
        ApiClient.Response login = client.logIn(shop.ownerEmail(), Fixtures.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return client;
    }

    private List<Integer> parallelLogins(SignedUpShop shop, int count) throws Exception {
        return parallelLogins(shop, count, new ArrayList<>());
    }

    private List<Integer> parallelLogins(SignedUpShop shop, int count, List<ApiClient> clients) throws Exception {
        for (int i = 0; i < count; i++) {
            ApiClient client = anonymous().withHeader("User-Agent", "device-" + i);
            client.get("/login");  // the CSRF cookie first, so the logins themselves start together
            clients.add(client);
        }
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (ApiClient client : clients) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client.logIn(shop.ownerEmail(), Fixtures.PASSWORD).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }
}
