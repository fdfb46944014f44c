package com.mercato.web.billing;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.billing.webhook.WebhookInbox;

/**
 * Stripe's webhook endpoint: public, outside CSRF (Stripe signs instead). The raw body is what
 * the signature covers, so it is taken as a string, never re-serialised.
 */
@RestController
class StripeWebhookController {

    private final WebhookInbox inbox;

    StripeWebhookController(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    record Received(String id, boolean duplicate) {
    }

    @PostMapping(path = "/api/v1/billing/stripe/webhook", consumes = MediaType.ALL_VALUE)
    Received receive(@RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        WebhookInbox.Receipt receipt = inbox.receiveStripe(payload, signature);
        return new Received(receipt.eventId(), receipt.duplicate());
    }
}
