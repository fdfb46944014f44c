package com.mercato.billing.dunning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.PriceKey;
import com.mercato.billing.subscription.Subscription;
import com.mercato.billing.subscription.SubscriptionSync;
import com.mercato.billing.subscription.Subscriptions;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;

/**
 * Applies a downgrade the owner asked for at the end of the period: shortly before the renewal,
 * without proration, so the renewal invoice already bills the new plan.
 */
@Component
class DueDowngrades {

    static final Duration LEAD = Duration.ofHours(1);

    private final Subscriptions subscriptions;
    private final PlanCatalog plans;
    private final PaymentProvider provider;
    private final SubscriptionSync sync;

    DueDowngrades(Subscriptions subscriptions, PlanCatalog plans, PaymentProvider provider, SubscriptionSync sync) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.provider = provider;
        this.sync = sync;
    }

    void apply(TenantId shop) {
        Subscription s = subscriptions.of(shop).orElseThrow();
        Subscription.PendingChange change = s.pendingChange();
        if (change == null || s.subscriptionId() == null) {
            return;
        }
        Plan plan = plans.version(change.plan(), change.planVersion()).orElseThrow();
        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem(PriceKey.base(plan, change.interval()), 1));
        if (change.extraSeats() > 0) {
            items.add(new LineItem(PriceKey.extraSeat(plan, change.interval()), change.extraSeats()));
        }
        var changed = provider.changeNow(s.subscriptionId(), items, false);
        subscriptions.schedule(shop, null);
        sync.apply(shop, changed, false, Cause.job("downgrade"));
    }
}
