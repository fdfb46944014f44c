package com.mercato.billing.webhook;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mercato.billing.BillingProblems;
import com.mercato.billing.provider.StripeProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives provider events: verifies the signature, stores the event by its id (a duplicate is
 * acknowledged and ignored) and acknowledges at once; {@link WebhookWorker} does the work.
 */
@Service
public class WebhookInbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhookSignature signature;
    private final WebhookWorker worker;

    WebhookInbox(JdbcClient jdbc, Clock clock, StripeProperties stripe, WebhookWorker worker) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signature = new WebhookSignature(stripe.webhookSecret(), clock);
        this.worker = worker;
    }

    public record Receipt(String eventId, boolean duplicate) {
    }

    /** A Stripe webhook delivery: 400 problem unless signed by us within the tolerance. */
    public Receipt receiveStripe(String payload, String signatureHeader) {
        if (!signature.verifies(payload, signatureHeader)) {
            throw BillingProblems.WEBHOOK_SIGNATURE_INVALID.exception("The Stripe-Signature header does not verify.");
        }
        return store("stripe", payload);
    }

    /** Events the sandbox provider produced in-process (no signature to check: they never crossed a network). */
    public Receipt receiveTrusted(String provider, String payload) {
        return store(provider, payload);
    }

    private Receipt store(String provider, String payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (RuntimeException e) {
            throw BillingProblems.WEBHOOK_SIGNATURE_INVALID.exception("The event is not JSON.");
        }
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (id.isEmpty() || type.isEmpty()) {
            throw BillingProblems.WEBHOOK_SIGNATURE_INVALID.exception("The event has no id or type.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        INSERT INTO public.webhook_events (id, provider, type, ordering_key, payload, status, next_attempt_at, received_at)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, provider, type, EventFields.orderingKey(type, event.path("data").path("object")), payload, now, now)
                .update();
        if (inserted == 1) {
            worker.nudge();
        }
        return new Receipt(id, inserted == 0);
    }
}
