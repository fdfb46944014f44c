package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

import tools.jackson.databind.JsonNode;

class TrialAndPlanChangeTest extends BillingTestBase {

    @Test
    void trialRemindersGoThreeDaysAndOneDayBeforeTheEndOnceEachThenTheTrialEnds() {
        var shop = fixtures().shop("LITE");

        clock.advance(Duration.ofDays(4).plusHours(1));
        jobs.remindTrials();
        Instant threeDay = reminded(shop.shopId(), "trial_reminded_3d_at");
        jobs.remindTrials();

        assertThat(threeDay).isNotNull();
        assertThat(reminded(shop.shopId(), "trial_reminded_3d_at")).isEqualTo(threeDay);
        assertThat(reminded(shop.shopId(), "trial_reminded_1d_at")).isNull();

        clock.advance(Duration.ofDays(2));
        jobs.remindTrials();
        Instant oneDay = reminded(shop.shopId(), "trial_reminded_1d_at");
        jobs.remindTrials();

        assertThat(oneDay).isNotNull();
        assertThat(reminded(shop.shopId(), "trial_reminded_1d_at")).isEqualTo(oneDay);
        assertThat(shopStatus(shop.shopId())).isEqualTo("TRIALING");

        clock.advance(Duration.ofDays(1));
        jobs.runAll();
        assertThat(shopStatus(shop.shopId())).isEqualTo("SUSPENDED");
    }

    @Test
    void downgradeWaitsForTheEndOfThePeriod() {
        var shop = fixtures().shop("REGULAR");
        activeShop(shop);
        String base = "/api/v1/shops/" + shop.slug();

        JsonNode preview = shop.owner().post(base + "/subscription/change", Map.of("plan", "LITE", "interval", "MONTH", "preview", true)).json();
        ApiClient.Response applied = shop.owner().post(base + "/subscription/change", Map.of("plan", "LITE", "interval", "MONTH"));

        assertThat(preview.path("effective").asString()).isEqualTo("PERIOD_END");
        assertThat(preview.path("amountDueNow").path("amount").asLong()).isZero();
        assertThat(preview.path("recurringPrice").path("amount").asLong()).isEqualTo(15900);
        assertThat(applied.status()).isEqualTo(200);
        JsonNode pending = shop.owner().get(base + "/subscription").json();
        assertThat(pending.path("plan").asString()).isEqualTo("REGULAR");
        assertThat(pending.path("pendingChange").path("plan").asString()).isEqualTo("LITE");

        clock.advance(Duration.ofDays(30).minusMinutes(30));
        jobs.applyDueDowngrades();

        JsonNode after = shop.owner().get(base + "/subscription").json();
        assertThat(after.path("plan").asString()).isEqualTo("LITE");
        assertThat(after.path("pendingChange").isNull()).isTrue();
        assertThat(shop.owner().get(base + "/entitlements").json().path("seats").path("limit").asInt()).isEqualTo(2);
    }

    @Test
    void downgradeTheShopDoesNotFitIsRefusedListingWhatToRemove() {
        var shop = fixtures().shop("REGULAR");
        activeShop(shop);
        String schema = "\"t_" + shop.shopId().toString().replace("-", "") + "\"";
        jdbc.sql("INSERT INTO " + schema + ".contacts (id, name, lifecycle_stage, created_at, updated_at) "
                + "SELECT gen_random_uuid(), 'Contact ' || n, 'LEAD', now(), now() FROM generate_series(1, 2003) n").update();

        ApiClient.Response refused = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/change",
                Map.of("plan", "LITE", "interval", "MONTH"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/plan-does-not-fit");
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("contacts");
        assertThat(error.path("message").asString()).startsWith("remove 3 ");
        assertThat(shop.owner().get("/api/v1/shops/" + shop.slug() + "/subscription").json().path("pendingChange").isNull()).isTrue();
    }

    private Instant reminded(UUID shopId, String column) {
        return jdbc.sql("SELECT " + column + " FROM public.subscriptions WHERE tenant_id = ?").param(shopId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single().orElse(null);
    }
}
