package com.mercato.web.support.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.billing.webhook.WebhookWorker;
import com.mercato.testsupport.MutableClock;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Poll;

/**
 * Takes a shop through checkout as its owner: the fake Stripe completes it and sends its signed
 * webhooks to the application, and the shop is waited for until it is ACTIVE.
 */
public record PaidCheckout(String baseUrl, MutableClock clock, WebhookWorker worker, JdbcClient jdbc) {

    public void subscribe(Fixtures.SignedUpShop shop, String plan, int seats) {
        FakeStripe stripe = FakeStripe.get();
        stripe.useClock(clock);
        ApiClient.Response checkout = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/checkout",
                Map.of("plan", plan, "interval", "MONTH", "seats", seats));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        WebhookSender webhooks = new WebhookSender(baseUrl);
        for (String payload : stripe.completeCheckout(FakeStripe.sessionIdOf(checkout.json().path("url").asString())).payloads()) {
            assertThat(webhooks.send(payload, clock.instant())).isEqualTo(200);
        }
        Poll.until("the shop is active", () -> {
            worker.drain();
            return "ACTIVE".equals(jdbc.sql("SELECT status FROM public.tenants WHERE id = ?").param(shop.shopId())
                    .query(String.class).single());
        });
    }
}
