package com.mercato.billing.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.mercato.billing.entitlement.EntitlementService;
import com.mercato.billing.notice.OwnerNotices;
import com.mercato.billing.plan.PlanCode;
import com.mercato.billing.provider.PriceKey;
import com.mercato.billing.provider.ProviderSubscription;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;
import com.mercato.tenant.lifecycle.ShopLifecycle;
import com.mercato.tenant.lifecycle.Transition;
import com.mercato.tenant.shop.ShopStatus;

/**
 * Takes the provider's current state of a subscription as ours and moves the shop accordingly.
 * Because it always starts from the provider's present state, not from what an event said,
 * events may come in any order and any number of times: the result is the same.
 */
@Service
public class SubscriptionSync {

    public static final Duration GRACE = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(SubscriptionSync.class);

    private final Subscriptions subscriptions;
    private final ShopLifecycle lifecycle;
    private final EntitlementService entitlements;
    private final OwnerNotices notices;
    private final Clock clock;

    SubscriptionSync(Subscriptions subscriptions, ShopLifecycle lifecycle, EntitlementService entitlements,
                     OwnerNotices notices, Clock clock) {
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.entitlements = entitlements;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * @param unpaidInvoice the event reported a failed payment whose invoice is still open, which
     *                      counts as past due even if the subscription has not flipped yet
     */
    public void apply(TenantId shop, ProviderSubscription current, boolean unpaidInvoice, Cause cause) {
        snapshot(current).ifPresentOrElse(
                s -> subscriptions.apply(shop, s),
                () -> log.warn("Subscription {} of shop {} has no Mercato price; plan left as it was", current.id(), shop));
        entitlements.invalidate(shop);
        switch (current.status()) {
            case "active", "trialing" -> {
                if (unpaidInvoice) {
                    pastDue(shop, cause);
                } else {
                    lifecycle.moveTo(shop, ShopStatus.ACTIVE, cause);
                    subscriptions.endGrace(shop);
                }
            }
            case "past_due", "unpaid" -> pastDue(shop, cause);
            case "canceled", "incomplete_expired" -> lifecycle.moveTo(shop, ShopStatus.CANCELLED, cause);
            case "paused" -> lifecycle.moveTo(shop, ShopStatus.SUSPENDED, cause);
            default -> log.info("Subscription {} of shop {} is {}: no lifecycle move", current.id(), shop, current.status());
        }
    }

    private void pastDue(TenantId shop, Cause cause) {
        Transition moved = lifecycle.moveTo(shop, ShopStatus.PAST_DUE, cause);
        if (moved.moved()) {
            Instant graceEnds = clock.instant().plus(GRACE);
            subscriptions.startGrace(shop, graceEnds);
            notices.paymentFailed(shop, graceEnds);
        }
    }

    static Optional<Subscriptions.Snapshot> snapshot(ProviderSubscription s) {
        PlanCode plan = null;
        int version = 0;
        com.mercato.billing.plan.BillingInterval interval = null;
        long extraSeats = 0;
        for (ProviderSubscription.Item item : s.items()) {
            Optional<PriceKey.Parsed> parsed = PriceKey.parse(item.lookupKey());
            if (parsed.isEmpty()) {
                continue;
            }
            if (parsed.get().extraSeat()) {
                extraSeats += item.quantity();
            } else {
                plan = parsed.get().plan();
                version = parsed.get().version();
                interval = parsed.get().interval();
            }
        }
        if (plan == null) {
            return Optional.empty();
        }
        return Optional.of(new Subscriptions.Snapshot(s.id(), s.customerId(), s.status(), plan, version, interval,
                (int) extraSeats, s.periodStart(), s.periodEnd(), s.cancelAtPeriodEnd()));
    }
}
