package com.mercato.billing.subscription;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.tenant.provisioning.ShopProvisioned;

/**
 * Gives a new shop its subscription row, trialing on the current version of the plan it chose.
 * A plain listener on purpose: it runs in the provisioning transaction, so the shop never
 * exists without the row (and the version is the one on sale at sign-up, not at first read).
 */
@Component
class SubscriptionOpener {

    private final Subscriptions subscriptions;
    private final PlanCatalog plans;

    SubscriptionOpener(Subscriptions subscriptions, PlanCatalog plans) {
        this.subscriptions = subscriptions;
        this.plans = plans;
    }

    @EventListener
    void on(ShopProvisioned event) {
        PlanCode code = PlanCode.valueOf(event.planCode());
        plans.current(code).ifPresent(plan -> subscriptions.open(event.shopId(), code, plan.version(),
                BillingInterval.valueOf(event.billingInterval())));
    }
}
