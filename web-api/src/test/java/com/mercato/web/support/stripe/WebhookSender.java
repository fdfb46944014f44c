package com.mercato.web.support.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Delivers events to the application's Stripe webhook endpoint, as Stripe would. */
public final class WebhookSender {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String endpoint;

    public WebhookSender(String base) {
        this.endpoint = base + "/api/v1/billing/stripe/webhook";
    }

    /** Signs with the test webhook secret at {@code at} and posts; returns the status. */
    public int send(String payload, Instant at) {
        return sendWithHeader(payload, StripeSignatures.header(payload, at, FakeStripe.WEBHOOK_SECRET));
    }

    public int sendWithHeader(String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
