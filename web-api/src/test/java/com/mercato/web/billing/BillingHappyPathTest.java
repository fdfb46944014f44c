package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.stripe.FakeStripe;

import tools.jackson.databind.JsonNode;

class BillingHappyPathTest extends BillingTestBase {

    @Test
    void shopGoesFromTrialThroughPaymentTroubleToCancellationAndPurge() {
        var shop = fixtures().shop("REGULAR");
        String base = "/api/v1/shops/" + shop.slug();
        ApiClient owner = shop.owner();

        // Trial: the plan chosen at sign-up, in full.
        JsonNode trial = owner.get(base + "/subscription").json();
        assertThat(trial.path("status").asString()).isEqualTo("TRIALING");
        assertThat(trial.path("plan").asString()).isEqualTo("REGULAR");
        assertThat(trial.path("seats").asInt()).isEqualTo(5);
        JsonNode trialEntitlements = owner.get(base + "/entitlements").json();
        assertThat(trialEntitlements.path("seats").path("limit").asInt()).isEqualTo(5);
        assertThat(trialEntitlements.path("seats").path("used").asInt()).isEqualTo(1);
        assertThat(trialEntitlements.path("contacts").path("limit").asInt()).isEqualTo(20000);
        assertThat(trialEntitlements.path("apiAccess").asBoolean()).isFalse();

        // Checkout for Regular with one extra seat; every POST to Stripe carried an idempotency key.
        int before = stripe.requests().size();
        String session = checkout(shop, "REGULAR", 6);
        assertThat(stripe.requests().subList(before, stripe.requests().size()))
                .filteredOn(r -> r.method().equals("POST"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.idempotencyKey()).as(r.path()).isNotBlank());
        assertThat(shopStatus(shop.shopId())).isEqualTo("TRIALING");

        deliver(stripe.completeCheckout(session).payloads());

        JsonNode active = owner.get(base + "/subscription").json();
        assertThat(active.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.path("providerStatus").asString()).isEqualTo("active");
        assertThat(active.path("extraSeats").asInt()).isEqualTo(1);
        assertThat(active.path("currentPeriod").path("end").isMissingNode()).isFalse();
        // The cached entitlements were evicted by the change: six seats now.
        assertThat(owner.get(base + "/entitlements").json().path("seats").path("limit").asInt()).isEqualTo(6);
        JsonNode invoices = owner.get(base + "/invoices").json();
        assertThat(invoices.size()).isEqualTo(1);
        assertThat(invoices.get(0).path("status").asString()).isEqualTo("paid");
        assertThat(invoices.get(0).path("amountPaid").path("amount").asLong()).isEqualTo(39900 + 7900);

        // Upgrade to Advanced: previewed first (prorated, charged now), then applied at once.
        Map<String, Object> upgrade = Map.of("plan", "ADVANCED", "interval", "MONTH", "seats", 11, "preview", true);
        JsonNode preview = owner.post(base + "/subscription/change", upgrade).json();
        assertThat(preview.path("effective").asString()).isEqualTo("NOW");
        assertThat(preview.path("amountDueNow").path("amount").asLong()).isBetween(1L, 89900L + 7900 - 39900 - 7900);
        assertThat(preview.path("applied").asBoolean()).isFalse();
        assertThat(owner.get(base + "/subscription").json().path("plan").asString()).isEqualTo("REGULAR");

        ApiClient.Response applied = owner.post(base + "/subscription/change",
                Map.of("plan", "ADVANCED", "interval", "MONTH", "seats", 11));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(owner.get(base + "/subscription").json().path("plan").asString()).isEqualTo("ADVANCED");
        JsonNode advanced = owner.get(base + "/entitlements").json();
        assertThat(advanced.path("seats").path("limit").asInt()).isEqualTo(11);
        assertThat(advanced.path("apiAccess").asBoolean()).isTrue();
        assertThat(advanced.path("channels").path("limit").isNull()).isTrue();

        // The renewal payment fails: past due, with seven days' grace.
        String subscription = subscriptionId(shop.shopId());
        FakeStripe.Events failed = stripe.failRenewal(subscription);
        deliver(failed.payloads());
        assertThat(shopStatus(shop.shopId())).isEqualTo("PAST_DUE");
        Instant graceEnds = Instant.parse(owner.get(base + "/subscription").json().path("graceEndsAt").asString());
        assertThat(Duration.between(clock.instant(), graceEnds)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(auditedTransitions(shop.shopId(), eventId(failed.ofType("invoice.payment_failed")))
                + auditedTransitions(shop.shopId(), eventId(failed.ofType("customer.subscription.updated")))).isEqualTo(1);

        // Grace runs out: suspended. The owner may still read, but not work.
        clock.advance(Duration.ofDays(7).plusMinutes(5));
        jobs.runAll();
        assertThat(shopStatus(shop.shopId())).isEqualTo("SUSPENDED");
        assertThat(owner.get(base + "/contacts").status()).isEqualTo(200);
        ApiClient.Response write = owner.post(base + "/contacts", Map.of("name", "Chan Tai Man"));
        assertThat(write.status()).isEqualTo(402);
        assertThat(write.problemType()).isEqualTo("/problems/shop-suspended");

        // Paid after all: active again, the grace cleared.
        deliver(stripe.payLatestInvoice(subscription).payloads());
        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        assertThat(owner.get(base + "/subscription").json().path("graceEndsAt").isNull()).isTrue();
        assertThat(owner.post(base + "/contacts", Map.of("name", "Chan Tai Man")).status()).isEqualTo(201);

        // Cancelled in the portal: data kept 30 days, then purged (schema gone, both mirrored invoices kept).
        assertThat(owner.post(base + "/subscription/portal", Map.of()).json().path("url").asString()).contains("billing.stripe.test");
        deliver(stripe.cancel(subscription).payloads());
        assertThat(shopStatus(shop.shopId())).isEqualTo("CANCELLED");
        assertThat(owner.get(base + "/contacts").status()).isEqualTo(200);
        assertThat(owner.post(base + "/subscription/checkout", Map.of("plan", "LITE", "interval", "MONTH")).status()).isEqualTo(409);

        clock.advance(Duration.ofDays(31));
        jobs.runAll();
        assertThat(shopStatus(shop.shopId())).isEqualTo("PURGED");
        String schema = "t_" + shop.shopId().toString().replace("-", "");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?").param(schema)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM public.users WHERE email = ?").param(shop.ownerEmail()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM public.invoices WHERE tenant_id = ?").param(shop.shopId()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(owner.get(base).status()).isEqualTo(404);
    }
}
