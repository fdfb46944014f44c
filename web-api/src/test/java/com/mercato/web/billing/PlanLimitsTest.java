package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

import tools.jackson.databind.JsonNode;

class PlanLimitsTest extends BillingTestBase {

    @Test
    void contactBeyondThePlanIsRefusedWith402NamingTheLimitAndThePlanThatLiftsIt() {
        var shop = fixtures().shop("LITE");
        String base = "/api/v1/shops/" + shop.slug();
        String schema = "\"t_" + shop.shopId().toString().replace("-", "") + "\"";
        jdbc.sql("INSERT INTO " + schema + ".contacts (id, name, lifecycle_stage, created_at, updated_at) "
                + "SELECT gen_random_uuid(), 'Contact ' || n, 'LEAD', now(), now() FROM generate_series(1, 1999) n").update();

        ApiClient.Response last = shop.owner().post(base + "/contacts", Map.of("name", "Number 2000"));
        ApiClient.Response over = shop.owner().post(base + "/contacts", Map.of("name", "Number 2001"));

        assertThat(last.status()).isEqualTo(201);
        assertThat(over.status()).isEqualTo(402);
        assertThat(over.problemType()).isEqualTo("/problems/plan-limit-reached");
        assertThat(over.json().path("limit").asString()).isEqualTo("contacts");
        assertThat(over.json().path("upgradeTo").asString()).isEqualTo("REGULAR");
        JsonNode contacts = shop.owner().get(base + "/entitlements").json().path("contacts");
        assertThat(contacts.path("used").asLong()).isEqualTo(2000);
        assertThat(contacts.path("available").asLong()).isZero();
    }

    @Test
    void shopSuspendedForThirtyDaysIsCancelledAndItsStripeSubscriptionEnded() {
        var shop = fixtures().shop("REGULAR");
        String subscription = activeShop(shop);
        deliver(stripe.failRenewal(subscription).payloads());

        clock.advance(Duration.ofDays(8));
        jobs.runAll();
        assertThat(shopStatus(shop.shopId())).isEqualTo("SUSPENDED");
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        jobs.runAll();

        assertThat(shopStatus(shop.shopId())).isEqualTo("CANCELLED");
        assertThat(stripe.subscription(subscription).get("status")).isEqualTo("canceled");
        assertThat(auditedTransitions(shop.shopId(), "job:suspension-expiry")).isEqualTo(1);
    }
}
