package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.billing.dunning.BillingJobs;
import com.mercato.billing.webhook.WebhookWorker;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Poll;
import com.mercato.web.support.stripe.FakeStripe;
import com.mercato.web.support.stripe.WebhookSender;

import tools.jackson.databind.json.JsonMapper;

/** What the billing tests share: the fake Stripe, webhook delivery, the worker and the jobs. */
abstract class BillingTestBase extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookWorker worker;
    @Autowired
    BillingJobs jobs;

    FakeStripe stripe = FakeStripe.get();

    @BeforeEach
    void stripeFollowsOurClock() {
        stripe.useClock(clock);
        stripe.clearFaults();
    }

    @AfterEach
    void noFaultsLeft() {
        stripe.clearFaults();
    }

    WebhookSender webhooks() {
        return new WebhookSender(anonymous().base());
    }

    /** Delivers events as Stripe would (signed now), then waits until the worker has handled each. */
    void deliver(String... payloads) {
        for (String payload : payloads) {
            assertThat(webhooks().send(payload, clock.instant())).as("delivery of %s", type(payload)).isEqualTo(200);
        }
        for (String payload : payloads) {
            String id = eventId(payload);
            Poll.until("event " + id + " processed", () -> {
                worker.drain();
                return !"PENDING".equals(eventStatus(id));
            });
        }
    }

    void deliver(List<String> payloads) {
        deliver(payloads.toArray(String[]::new));
    }

    String eventStatus(String eventId) {
        return jdbc.sql("SELECT status FROM public.webhook_events WHERE id = ?").param(eventId).query(String.class).optional().orElse(null);
    }

    String shopStatus(UUID shopId) {
        return jdbc.sql("SELECT status FROM public.tenants WHERE id = ?").param(shopId).query(String.class).single();
    }

    /** Starts checkout as the owner and returns the fake session id. */
    String checkout(Fixtures.SignedUpShop shop, String plan, int seats) {
        ApiClient.Response response = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/checkout",
                java.util.Map.of("plan", plan, "interval", "MONTH", "seats", seats));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return FakeStripe.sessionIdOf(response.json().path("url").asString());
    }

    /** A shop that has checked out and is ACTIVE; returns its Stripe subscription id. */
    String activeShop(Fixtures.SignedUpShop shop) {
        FakeStripe.Events events = stripe.completeCheckout(checkout(shop, "REGULAR", 5));
        deliver(events.payloads());
        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        return subscriptionId(shop.shopId());
    }

    String subscriptionId(UUID shopId) {
        return jdbc.sql("SELECT subscription_id FROM public.subscriptions WHERE tenant_id = ?").param(shopId).query(String.class).single();
    }

    static String eventId(String payload) {
        return JSON.readTree(payload).path("id").asString();
    }

    static String type(String payload) {
        return JSON.readTree(payload).path("type").asString();
    }

    int auditedTransitions(UUID shopId, String cause) {
        return jdbc.sql("SELECT count(*) FROM public.audit_log WHERE tenant_id = ? AND action = 'shop.status-changed' AND cause = ?")
                .params(shopId, cause).query(Integer.class).single();
    }
}
