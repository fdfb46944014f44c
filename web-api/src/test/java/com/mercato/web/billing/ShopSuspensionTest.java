package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.ShopLifecycle;
import com.mercato.tenant.member.Users;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;

class ShopSuspensionTest extends BillingTestBase {

    @Autowired
    Users users;
    @Autowired
    ShopLifecycle lifecycle;

    @Test
    void membersOfAShopSuspendedForPaymentGet402WhileTheOwnerCanStillReadAndPay() {
        var shop = fixtures().shop("REGULAR");
        ApiClient agent = member(shop, "AGENT");
        String base = "/api/v1/shops/" + shop.slug();
        assertThat(agent.get(base + "/contacts").status()).isEqualTo(200);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        jobs.endTrials();

        assertThat(shopStatus(shop.shopId())).isEqualTo("SUSPENDED");
        ApiClient.Response refused = agent.get(base + "/contacts");
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("/problems/shop-suspended");
        assertThat(agent.get(base).json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(shop.owner().get(base + "/contacts").status()).isEqualTo(200);
        assertThat(shop.owner().post(base + "/contacts", Map.of("name", "Wong")).status()).isEqualTo(402);
        assertThat(shop.owner().post(base + "/subscription/checkout", Map.of("plan", "REGULAR", "interval", "MONTH")).status())
                .isEqualTo(200);
        assertThat(auditedTransitions(shop.shopId(), "job:trial-expiry")).isEqualTo(1);
    }

    @Test
    void operatorHoldAnswers403WithItsReasonAndBillingEventsDoNotLiftIt() {
        var shop = fixtures().shop("REGULAR");
        ApiClient agent = member(shop, "AGENT");
        String base = "/api/v1/shops/" + shop.slug();
        String subscription = activeShop(shop);

        lifecycle.hold(new TenantId(shop.shopId()), "Chargeback under review", "operator-1");
        ApiClient.Response held = agent.get(base + "/contacts");
        deliver(stripe.subscriptionEvent("customer.subscription.updated", subscription));
        ApiClient.Response stillHeld = shop.owner().post(base + "/contacts", Map.of("name", "Wong"));

        assertThat(held.status()).isEqualTo(403);
        assertThat(held.problemType()).isEqualTo("/problems/shop-suspended");
        assertThat(held.json().path("detail").asString()).contains("Chargeback under review");
        assertThat(stillHeld.status()).isEqualTo(403);
        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");

        lifecycle.liftHold(new TenantId(shop.shopId()), "operator-1");
        assertThat(agent.get(base + "/contacts").status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerManagesTheSubscription() {
        var shop = fixtures().shop("REGULAR");
        ApiClient admin = member(shop, "ADMIN");
        String base = "/api/v1/shops/" + shop.slug();

        ApiClient.Response checkout = admin.post(base + "/subscription/checkout", Map.of("plan", "REGULAR", "interval", "MONTH"));
        ApiClient.Response portal = admin.post(base + "/subscription/portal", Map.of());

        assertThat(checkout.status()).isEqualTo(403);
        assertThat(portal.status()).isEqualTo(403);
        assertThat(admin.get(base + "/subscription").status()).isEqualTo(200);
        assertThat(admin.get(base + "/entitlements").json().path("seats").path("used").asInt()).isEqualTo(2);
    }

    /** A second member of the shop, logged in (invitations are another module's work). */
    private ApiClient member(Fixtures.SignedUpShop shop, String role) {
        String email = Fixtures.uniqueSlug("member") + "@example.com";
        var user = users.register(email, "Member", Fixtures.PASSWORD);
        jdbc.sql("INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)")
                .params(UUID.randomUUID(), shop.shopId(), user.id(), role, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .update();
        ApiClient client = anonymous();
        assertThat(client.logIn(email, Fixtures.PASSWORD).status()).isEqualTo(200);
        return client;
    }
}
