package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mercato.billing.webhook.WebhookEvents;
import com.mercato.web.support.stripe.FakeStripe;
import com.mercato.web.support.stripe.StripeSignatures;

class StripeWebhookTest extends BillingTestBase {

    @Autowired
    WebhookEvents inbox;

    @Test
    void duplicateEventIsAcknowledgedStoredOnceAndAppliedOnce() {
        var shop = fixtures().shop("REGULAR");
        FakeStripe.Events events = stripe.completeCheckout(checkout(shop, "REGULAR", 5));
        String completed = events.ofType("checkout.session.completed");

        deliver(completed);
        assertThat(webhooks().send(completed, clock.instant())).isEqualTo(200);
        deliver(completed);

        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM public.webhook_events WHERE id = ?").param(eventId(completed))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(auditedTransitions(shop.shopId(), eventId(completed))).isEqualTo(1);
    }

    @Test
    void subscriptionUpdatedBeforeCreatedEndsActive() {
        var shop = fixtures().shop("REGULAR");
        FakeStripe.Events events = stripe.completeCheckout(checkout(shop, "REGULAR", 5));
        String updated = stripe.subscriptionEvent("customer.subscription.updated", subscriptionOf(events));

        deliver(updated);
        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        deliver(events.ofType("customer.subscription.created"), events.ofType("invoice.paid"), events.ofType("checkout.session.completed"));

        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT subscription_id FROM public.subscriptions WHERE tenant_id = ?").param(shop.shopId())
                .query(String.class).single()).isEqualTo(subscriptionOf(events));
    }

    @Test
    void staleFailureArrivingAfterTheLaterPaymentDoesNotRollTheShopBack() {
        var shop = fixtures().shop("REGULAR");
        String subscription = activeShop(shop);
        FakeStripe.Events failed = stripe.failRenewal(subscription);
        FakeStripe.Events paid = stripe.payLatestInvoice(subscription);

        deliver(paid.payloads());
        deliver(failed.payloads());

        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT grace_ends_at IS NULL FROM public.subscriptions WHERE tenant_id = ?").param(shop.shopId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void badSignatureIsRefusedAndNothingIsStored() {
        var shop = fixtures().shop("REGULAR");
        String completed = stripe.completeCheckout(checkout(shop, "REGULAR", 5)).ofType("checkout.session.completed");

        int wrongSecret = webhooks().sendWithHeader(completed, StripeSignatures.header(completed, clock.instant(), "whsec_not_ours"));
        int tampered = webhooks().sendWithHeader(completed.replace("\"livemode\":false", "\"livemode\":true "),
                StripeSignatures.header(completed, clock.instant(), FakeStripe.WEBHOOK_SECRET));
        int missing = webhooks().sendWithHeader(completed, null);

        assertThat(wrongSecret).isEqualTo(400);
        assertThat(tampered).isEqualTo(400);
        assertThat(missing).isEqualTo(400);
        assertThat(eventStatus(eventId(completed))).isNull();
        assertThat(shopStatus(shop.shopId())).isEqualTo("TRIALING");
    }

    @Test
    void staleOrFutureSignatureIsRefused() {
        var shop = fixtures().shop("REGULAR");
        String completed = stripe.completeCheckout(checkout(shop, "REGULAR", 5)).ofType("checkout.session.completed");

        int stale = webhooks().send(completed, clock.instant().minus(Duration.ofMinutes(6)));
        int future = webhooks().send(completed, clock.instant().plus(Duration.ofMinutes(6)));

        assertThat(stale).isEqualTo(400);
        assertThat(future).isEqualTo(400);
        assertThat(eventStatus(eventId(completed))).isNull();
        assertThat(shopStatus(shop.shopId())).isEqualTo("TRIALING");
    }

    @Test
    void anyOfSeveralSignaturesDuringASecretRollIsEnough() {
        var shop = fixtures().shop("REGULAR");
        String completed = stripe.completeCheckout(checkout(shop, "REGULAR", 5)).ofType("checkout.session.completed");

        int status = webhooks().sendWithHeader(completed,
                StripeSignatures.header(completed, clock.instant().minus(Duration.ofMinutes(4)), "whsec_old_one", FakeStripe.WEBHOOK_SECRET));

        assertThat(status).isEqualTo(200);
        assertThat(eventStatus(eventId(completed))).isNotNull();
    }

    @Test
    void eventForUnknownCustomerIsStoredAcknowledgedAndChangesNothing() {
        long shopsChangedBefore = auditCount();
        String stranger = stripe.eventForStrangerCustomer();

        deliver(stranger);

        assertThat(eventStatus(eventId(stranger))).isEqualTo("IGNORED");
        assertThat(auditCount()).isEqualTo(shopsChangedBefore);
    }

    @Test
    void failingProcessingIsRetriedLaterFromTheStoredEvent() {
        var shop = fixtures().shop("REGULAR");
        String subscription = activeShop(shop);
        String updated = stripe.subscriptionEvent("customer.subscription.paused", subscription);
        stripe.failNext("GET", "/v1/subscriptions/" + subscription, 500);

        assertThat(webhooks().send(updated, clock.instant())).isEqualTo(200);
        com.mercato.web.support.Poll.until("first attempt failed", () -> {
            worker.drain();
            return jdbc.sql("SELECT attempts FROM public.webhook_events WHERE id = ?").param(eventId(updated))
                    .query(Integer.class).single() >= 1;
        });
        assertThat(eventStatus(eventId(updated))).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(5));
        com.mercato.web.support.Poll.until("retried", () -> {
            worker.drain();
            return "PROCESSED".equals(eventStatus(eventId(updated)));
        });
        assertThat(shopStatus(shop.shopId())).isEqualTo("ACTIVE");
    }

    @Test
    void anEventThatKeepsFailingEndsDeadVisibleToOperatorsAndIsProcessedWhenTheyRetryIt() {
        var shop = fixtures().shop("REGULAR");
        String subscription = activeShop(shop);
        String paused = stripe.subscriptionEvent("customer.subscription.paused", subscription);
        for (int i = 0; i < 8; i++) {
            stripe.failNext("GET", "/v1/subscriptions/" + subscription, 500);
        }
        String id = eventId(paused);

        assertThat(webhooks().send(paused, clock.instant())).isEqualTo(200);
        com.mercato.web.support.Poll.until("event dead after its attempts", () -> {
            worker.drain();
            clock.advance(Duration.ofHours(2)); // past the longest backoff
            return "DEAD".equals(eventStatus(id));
        });
        assertThat(inbox.dead(100)).extracting(WebhookEvents.DeadEvent::id).contains(id);
        assertThat(inbox.countsByStatus().get("DEAD")).isPositive();

        assertThat(worker.retry(id)).isTrue();
        com.mercato.web.support.Poll.until("retried event processed", () -> {
            worker.drain();
            return "PROCESSED".equals(eventStatus(id));
        });
        assertThat(inbox.dead(100)).extracting(WebhookEvents.DeadEvent::id).doesNotContain(id);
        assertThat(worker.retry(id)).as("a processed event is not run twice").isFalse();
    }

    @Test
    void aTrialShopThatFirstHearsOfItsSubscriptionWhenItIsCancelledEndsCancelledThroughActive() {
        var shop = fixtures().shop("REGULAR");
        FakeStripe.Events checkedOut = stripe.completeCheckout(checkout(shop, "REGULAR", 5));
        FakeStripe.Events cancelled = stripe.cancel(subscriptionOf(checkedOut));

        deliver(cancelled.payloads()); // the checkout's own events are delayed behind it

        assertThat(shopStatus(shop.shopId())).isEqualTo("CANCELLED");
        assertThat(statusMoves(shop.shopId())).containsExactlyInAnyOrder("TRIALING>ACTIVE", "ACTIVE>CANCELLED");
        deliver(checkedOut.payloads());
        assertThat(shopStatus(shop.shopId())).as("late events act on the subscription as it is now").isEqualTo("CANCELLED");
    }

    @Test
    void aTrialShopThatFirstHearsOfItsSubscriptionWhenItIsPastDueStartsItsGrace() {
        var shop = fixtures().shop("REGULAR");
        FakeStripe.Events checkedOut = stripe.completeCheckout(checkout(shop, "REGULAR", 5));
        FakeStripe.Events failed = stripe.failRenewal(subscriptionOf(checkedOut));

        deliver(failed.payloads());

        assertThat(shopStatus(shop.shopId())).isEqualTo("PAST_DUE");
        assertThat(statusMoves(shop.shopId())).containsExactlyInAnyOrder("TRIALING>ACTIVE", "ACTIVE>PAST_DUE");
        assertThat(jdbc.sql("SELECT grace_ends_at IS NOT NULL FROM public.subscriptions WHERE tenant_id = ?")
                .param(shop.shopId()).query(Boolean.class).single()).isTrue();
    }

    private List<String> statusMoves(UUID shopId) {
        return jdbc.sql("""
                        SELECT (details->>'from') || '>' || (details->>'to') FROM public.audit_log
                        WHERE tenant_id = ? AND action = 'shop.status-changed'""")
                .param(shopId).query(String.class).list();
    }

    private long auditCount() {
        return jdbc.sql("SELECT count(*) FROM public.audit_log WHERE actor_type = 'STRIPE'").query(Long.class).single();
    }

    private static String subscriptionOf(FakeStripe.Events events) {
        return JSON.readTree(events.ofType("customer.subscription.created")).path("data").path("object").path("id").asString();
    }

}
