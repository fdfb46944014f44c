package com.mercato.billing.subscription;

import java.time.Instant;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.PlanCode;
import com.mercato.core.tenancy.TenantId;

/**
 * What a shop pays for and where its payment provider stands. {@code providerStatus} is the
 * provider's word ({@code active}, {@code past_due}, ...; {@code none} before checkout); the
 * shop's lifecycle status lives with the shop.
 */
public record Subscription(
        TenantId tenantId,
        PlanCode plan,
        int planVersion,
        BillingInterval interval,
        int extraSeats,
        String provider,
        String providerStatus,
        String customerId,
        String subscriptionId,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Instant graceEndsAt,
        PendingChange pendingChange) {

    /** A downgrade waiting for the end of the period. */
    public record PendingChange(PlanCode plan, int planVersion, BillingInterval interval, int extraSeats) {
    }

    public boolean hasProviderSubscription() {
        return subscriptionId != null;
    }
}
