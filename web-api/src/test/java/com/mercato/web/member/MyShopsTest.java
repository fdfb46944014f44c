package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;

import tools.jackson.databind.JsonNode;

/** One login, several shops: a person lists their shops and switches by path, with the same session. */
class MyShopsTest extends TeamTestBase {

    @Test
    void aLoggedInPersonOpensAFurtherShopAndReachesBothWithOneSession() {
        var first = fixtures().shop();
        String slug = Fixtures.uniqueSlug("second");

        ApiClient.Response opened = first.owner().post("/api/v1/shops",
                Map.of("shopName", "Second " + slug, "slug", slug, "plan", "LITE", "interval", "MONTH"));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode mine = first.owner().get("/api/v1/shops").json();
        assertThat(mine.valueStream().map(s -> s.path("slug").asString()).toList()).containsExactly(first.slug(), slug);
        for (JsonNode shop : mine) {
            assertThat(shop.path("role").asString()).isEqualTo("OWNER");
            assertThat(shop.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(shop.path("canLogIn").asBoolean()).isTrue();
        }
        assertThat(first.owner().get("/api/v1/shops/" + first.slug()).status()).isEqualTo(200);
        assertThat(first.owner().get("/api/v1/shops/" + slug).json().path("name").asString()).isEqualTo("Second " + slug);
    }

    @Test
    void aMemberOfOneShopGetsNotFoundOnAnother() {
        var a = fixtures().shop();
        var b = fixtures().shop();
        Joined agent = join(a, "AGENT");

        JsonNode mine = agent.client().get("/api/v1/shops").json();

        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("slug").asString()).isEqualTo(a.slug());
        assertThat(mine.get(0).path("role").asString()).isEqualTo("AGENT");
        assertThat(agent.client().get(base(a)).status()).isEqualTo(200);
        ApiClient.Response other = agent.client().get(base(b));
        assertThat(other.status()).isEqualTo(404);
        assertThat(agent.client().get(base(b) + "/members").status()).isEqualTo(404);
        assertThat(agent.client().get("/api/v1/shops/no-such-shop-here").status()).isEqualTo(404);
    }

    @Test
    void theListNeedsALogin() {
        assertThat(anonymous().get("/api/v1/shops").status()).isEqualTo(401);
    }
}
