package com.mercato.billing.dunning;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.subscription.Subscriptions;
import com.mercato.core.tenancy.TenantId;

/** Cancels a shop's subscription at the provider when we close the shop ourselves. */
@Component
class ProviderCancellations {

    private static final Set<String> LIVE = Set.of("active", "trialing", "past_due", "unpaid", "paused", "incomplete");

    private final Subscriptions subscriptions;
    private final PaymentProvider provider;

    ProviderCancellations(Subscriptions subscriptions, PaymentProvider provider) {
        this.subscriptions = subscriptions;
        this.provider = provider;
    }

    void cancelAtProvider(TenantId shop) {
        subscriptions.of(shop)
                .filter(s -> s.subscriptionId() != null && LIVE.contains(s.providerStatus()))
                .ifPresent(s -> provider.cancel(s.subscriptionId()));
    }
}
