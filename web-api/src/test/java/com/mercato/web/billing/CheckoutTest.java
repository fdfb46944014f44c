package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

class CheckoutTest extends BillingTestBase {

    @Test
    void stripeAnswering500AtCheckoutIsA502AndNothingIsKept() {
        var shop = fixtures().shop("REGULAR");
        stripe.failNext("POST", "/v1/checkout/sessions", 500);

        ApiClient.Response response = startCheckout(shop);

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.problemType()).isEqualTo("/problems/payment-provider-unavailable");
        assertNothingKept(shop);
        assertThat(startCheckout(shop).status()).as("a retry works").isEqualTo(200);
    }

    @Test
    void stripeTimingOutAtCheckoutIsA502AndNothingIsKept() {
        var shop = fixtures().shop("REGULAR");
        stripe.delayNext("POST", "/v1/checkout/sessions", Duration.ofSeconds(3));

        ApiClient.Response response = startCheckout(shop);

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.problemType()).isEqualTo("/problems/payment-provider-unavailable");
        assertNothingKept(shop);
    }

    @Test
    void checkoutIsForTheOwnerAndValidatesItsFields() {
        var shop = fixtures().shop("LITE");

        ApiClient.Response bad = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/checkout",
                Map.of("plan", "GOLD", "interval", "WEEK"));
        ApiClient.Response extraSeatsOnLite = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/checkout",
                Map.of("plan", "LITE", "interval", "MONTH", "seats", 3));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("plan", "interval");
        assertThat(extraSeatsOnLite.status()).isEqualTo(400);
    }

    @Test
    void aShopWithALiveSubscriptionCannotCheckOutAgain() {
        var shop = fixtures().shop("REGULAR");
        activeShop(shop);

        ApiClient.Response again = startCheckout(shop);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/already-subscribed");
    }

    @Test
    void pricesAreFoundByLookupKeyAndCreatedOnlyOnce() {
        var first = fixtures().shop("REGULAR");
        var second = fixtures().shop("REGULAR");
        startCheckout(first);
        int before = stripe.requests().size();

        startCheckout(second);

        assertThat(stripe.requests().subList(before, stripe.requests().size()))
                .noneMatch(r -> r.method().equals("POST") && r.path().equals("/v1/prices"));
    }

    private ApiClient.Response startCheckout(com.mercato.web.support.Fixtures.SignedUpShop shop) {
        return shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/checkout",
                Map.of("plan", "REGULAR", "interval", "MONTH"));
    }

    private void assertNothingKept(com.mercato.web.support.Fixtures.SignedUpShop shop) {
        assertThat(shopStatus(shop.shopId())).isEqualTo("TRIALING");
        assertThat(jdbc.sql("SELECT customer_id FROM public.subscriptions WHERE tenant_id = ?").param(shop.shopId())
                .query(String.class).optional().orElse(null)).isNull();
        assertThat(jdbc.sql("SELECT provider_status FROM public.subscriptions WHERE tenant_id = ?").param(shop.shopId())
                .query(String.class).single()).isEqualTo("none");
    }

    @Test
    void thePortalOpensOnOurOwnConfigurationWithoutPlanSwitchingCreatedOnce() {
        var first = fixtures().shop("REGULAR");
        var second = fixtures().shop("REGULAR");
        for (var shop : List.of(first, second)) {
            checkout(shop, "REGULAR", 5);
            ApiClient.Response portal = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/portal", Map.of());
            assertThat(portal.status()).as(portal.toString()).isEqualTo(200);
        }

        var ours = stripe.portalConfigurations().stream()
                .filter(c -> "portal-v1".equals(((Map<?, ?>) c.get("metadata")).get("mercato"))).toList();
        assertThat(ours).hasSize(1);
        Map<?, ?> features = (Map<?, ?>) ours.getFirst().get("features");
        assertThat(((Map<?, ?>) features.get("subscription_update")).get("enabled")).isEqualTo(false);
        assertThat(((Map<?, ?>) features.get("subscription_cancel")).get("mode")).isEqualTo("at_period_end");
        assertThat(((Map<?, ?>) features.get("payment_method_update")).get("enabled")).isEqualTo(true);
        assertThat(stripe.portalSessionConfigurations()).isNotEmpty().allMatch(ours.getFirst().get("id")::equals);
    }
}
