package com.mercato.billing.provider;

import java.time.Instant;
import java.util.List;

/** A subscription as the provider has it now. Periods sit on items (Stripe's API since 2025). */
public record ProviderSubscription(String id, String customerId, String status, List<Item> items,
                                   Instant periodStart, Instant periodEnd, boolean cancelAtPeriodEnd) {

    public record Item(String id, String lookupKey, long quantity) {
    }
}
