package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

class ShopSettingsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSessionLimitFollowsTheShopsSettingWithinThePlan() {
        SignedUpShop shop = fixtures().shop("REGULAR");
        String settings = "/api/v1/shops/" + shop.slug() + "/settings";

        var defaults = shop.owner().get(settings).json();
        assertThat(defaults.path("maxSessionsPerMember").asInt()).isEqualTo(3);
        assertThat(defaults.path("sessionOverflow").asString()).isEqualTo("END_OLDEST");
        assertThat(defaults.path("planMaxSessionsPerMember").asInt()).isEqualTo(3);

        ApiClient.Response abovePlan = shop.owner().patch(settings, Map.of("maxSessionsPerMember", 4));
        assertThat(abovePlan.status()).isEqualTo(402);
        assertThat(abovePlan.problemType()).isEqualTo("/problems/session-limit-above-plan");
        assertThat(abovePlan.json().path("planMaxSessionsPerMember").asInt()).isEqualTo(3);

        ApiClient.Response invalid = shop.owner().patch(settings, Map.of("maxSessionsPerMember", 0, "sessionOverflow", "BOTH"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("maxSessionsPerMember", "sessionOverflow");
        assertThat(shop.owner().get(settings).json().path("maxSessionsPerMember").asInt()).isEqualTo(3);

        assertThat(shop.owner().patch(settings, Map.of("maxSessionsPerMember", 1)).json().path("maxSessionsPerMember").asInt()).isEqualTo(1);
        ApiClient next = logIn(shop, "phone");
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(next.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAnOwnerChangesTheSettingsAndEveryMemberReadsThem() {
        SignedUpShop shop = fixtures().shop("REGULAR");
        SignedUpShop adminsOwnShop = fixtures().shop("LITE");
        UUID admin = UUID.fromString(adminsOwnShop.owner().get("/api/v1/me").json().path("id").asString());
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at) VALUES (?, ?, ?, 'ADMIN', 'ACTIVE', ?, ?)")
                .params(UUID.randomUUID(), shop.shopId(), admin, now, now)
                .update();
        String settings = "/api/v1/shops/" + shop.slug() + "/settings";

        ApiClient.Response byAdmin = adminsOwnShop.owner().patch(settings, Map.of("sessionOverflow", "REFUSE_NEW"));

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(adminsOwnShop.owner().get(settings).json().path("sessionOverflow").asString()).isEqualTo("END_OLDEST");
        assertThat(anonymous().get(settings).status()).isEqualTo(401);
    }

    private ApiClient logIn(SignedUpShop shop, String device) {
        ApiClient client = anonymous().withHeader("User-Agent", device);
        ApiClient.Response login = client.logIn(shop.ownerEmail(), Fixtures.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return client;
    }
}
