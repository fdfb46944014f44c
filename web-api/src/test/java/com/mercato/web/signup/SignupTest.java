package com.mercato.web.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class SignupTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void plansListsLiteRegularAndAdvancedWithPricesInMinorUnits() {
        ApiClient.Response response = anonymous().get("/api/v1/plans");

        assertThat(response.status()).isEqualTo(200);
        JsonNode plans = response.json();
        assertThat(plans.valueStream().map(p -> p.path("code").asString()).toList()).containsExactly("LITE", "REGULAR", "ADVANCED");
        JsonNode lite = plans.get(0);
        assertThat(lite.path("prices").path("month").path("amount").asLong()).isEqualTo(15900);
        assertThat(lite.path("prices").path("month").path("currency").asString()).isEqualTo("HKD");
        assertThat(lite.path("prices").path("year").path("amount").asLong()).isEqualTo(15900L * 12 * 8 / 10);
        assertThat(plans.get(2).path("limits").path("channels").isNull()).isTrue();
    }

    @Test
    void signupCreatesATrialingShopWithItsOwnMigratedSchema() {
        String slug = Fixtures.uniqueSlug("tea");
        Instant before = clock.instant();

        ApiClient.Response response = anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, slug + "@example.com", "LITE"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("slug").asString()).isEqualTo(slug);
        assertThat(body.path("status").asString()).isEqualTo("TRIALING");
        Instant trialEnds = Instant.parse(body.path("trialEndsAt").asString());
        assertThat(Duration.between(before, trialEnds)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
        String schema = "t_" + body.path("shopId").asString().replace("-", "");
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                .param(schema).query(String.class).list();
        assertThat(tables).contains("contacts", "databasechangelog");
    }

    @Test
    void ownerCanLogInRightAfterSignup() {
        var shop = fixtures().shop("LITE");

        ApiClient.Response me = shop.owner().get("/api/v1/shops/" + shop.slug());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("status").asString()).isEqualTo("TRIALING");
        assertThat(me.json().path("plan").asString()).isEqualTo("LITE");
        assertThat(me.json().path("yourRole").asString()).isEqualTo("OWNER");
    }

    @Test
    void invalidFieldsAreAllReportedAtOnce() {
        ApiClient.Response response = anonymous().post("/api/v1/signup", Map.of(
                "shopName", "Tea", "slug", "admin", "ownerEmail", "not-an-email", "ownerPassword", "short",
                "plan", "GOLD", "interval", "WEEK"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("slug", "ownerEmail", "ownerPassword", "ownerName", "plan", "interval");
    }

    @Test
    void missingBodyFieldsAreFieldErrors() {
        ApiClient.Response response = anonymous().post("/api/v1/signup", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).contains("shopName", "ownerEmail", "ownerPassword", "ownerName", "plan");
    }

    @Test
    void slugThatCouldInjectSqlIsRefusedBeforeTheDatabase() {
        String evil = "x\"; DROP SCHEMA public CASCADE; --";
        int shopsBefore = shopCount();

        ApiClient.Response response = anonymous().post("/api/v1/signup", Fixtures.signupBody(evil, "evil@example.com", "LITE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("slug");
        assertThat(shopCount()).isEqualTo(shopsBefore);
    }

    @Test
    void malformedSlugsAreRefusedWithAFieldError() {
        for (String slug : List.of("ab", "-tea", "tea-", "Tea", "tea_house", "a".repeat(41), "tea--house", "www")) {
            ApiClient.Response response = anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, "x" + slug.hashCode() + "@example.com", "LITE"));
            assertThat(response.status()).as(slug).isEqualTo(400);
            assertThat(fields(response)).as(slug).containsExactly("slug");
        }
    }

    @Test
    void takenSlugIsAConflict() {
        String slug = Fixtures.uniqueSlug("taken");
        anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, slug + "@example.com", "LITE"));

        ApiClient.Response second = anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, "other-" + slug + "@example.com", "LITE"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("/problems/slug-taken");
        assertThat(jdbc.sql("SELECT count(*) FROM public.users WHERE email = ?").param("other-" + slug + "@example.com")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void registeredEmailIsAConflict() {
        var shop = fixtures().shop();

        ApiClient.Response response = anonymous().post("/api/v1/signup",
                Fixtures.signupBody(Fixtures.uniqueSlug("again"), shop.ownerEmail().toUpperCase(), "LITE"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("/problems/email-registered");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        ApiClient.Response response = anonymous().postRaw("/api/v1/signup", "text/plain", "hello");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.problemType()).isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void badJsonIsMalformed() {
        ApiClient.Response response = anonymous().postRaw("/api/v1/signup", "application/json", "{\"shopName\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("/problems/malformed-request");
        assertThat(response.body()).doesNotContain("Exception", "at com.", "jackson");
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"shopName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        ApiClient.Response response = anonymous().postRaw("/api/v1/signup", "application/json", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problemType()).isEqualTo("/problems/payload-too-large");
    }

    private int shopCount() {
        return jdbc.sql("SELECT count(*) FROM public.tenants").query(Integer.class).single();
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
