package com.mercato.billing.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe settings ({@code STRIPE_SECRET_KEY}, {@code STRIPE_WEBHOOK_SECRET}, {@code STRIPE_API_BASE}
 * by relaxed binding). Without a secret key the sandbox provider stands in.
 */
@ConfigurationProperties("stripe")
public record StripeProperties(String secretKey, String webhookSecret, String apiBase, Duration connectTimeout,
                               Duration readTimeout, Integer maxNetworkRetries) {

    public StripeProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        maxNetworkRetries = maxNetworkRetries == null ? 2 : maxNetworkRetries;
    }

    public boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", configured=" + configured() + "]";
    }
}
