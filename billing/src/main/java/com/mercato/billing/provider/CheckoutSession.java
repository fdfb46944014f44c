package com.mercato.billing.provider;

/** A started checkout: the provider's customer (existing or new) and the page to send the owner to. */
public record CheckoutSession(String customerId, String sessionId, String url) {
}
