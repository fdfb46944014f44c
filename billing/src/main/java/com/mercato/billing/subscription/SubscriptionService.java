package com.mercato.billing.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.billing.BillingProblems;
import com.mercato.billing.entitlement.EntitlementService;
import com.mercato.billing.entitlement.Entitlements;
import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.billing.provider.CheckoutRequest;
import com.mercato.billing.provider.CheckoutSession;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.PaymentProviderUnavailable;
import com.mercato.billing.provider.PriceKey;
import com.mercato.billing.provider.ProviderSubscription;
import com.mercato.core.money.Money;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;
import com.mercato.tenant.shop.ShopStatus;

/** What an owner does with the shop's subscription: check out, open the portal, change plan. */
@Service
public class SubscriptionService {

    private static final Set<String> LIVE = Set.of("active", "trialing", "past_due", "unpaid", "paused");

    private final Subscriptions subscriptions;
    private final PlanCatalog plans;
    private final PaymentProvider provider;
    private final EntitlementService entitlements;
    private final SubscriptionSync sync;
    private final TransactionTemplate transactions;

    SubscriptionService(Subscriptions subscriptions, PlanCatalog plans, PaymentProvider provider,
                        EntitlementService entitlements, SubscriptionSync sync, TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.provider = provider;
        this.entitlements = entitlements;
        this.sync = sync;
        this.transactions = transactions;
    }

    public record Choice(String plan, String interval, Integer seats) {
    }

    public record ShopRef(TenantId id, String name, ShopStatus status, String ownerEmail, String returnUrl) {
    }

    public Subscription current(TenantId shop) {
        return subscriptions.of(shop).orElseThrow(() -> BillingProblems.NO_SUBSCRIPTION.exception("This shop has no subscription."));
    }

    public String providerName() {
        return provider.name();
    }

    /**
     * Starts checkout. Nothing is stored until the provider answered: a provider failure leaves
     * the shop exactly as it was (the customer it may have created is found again by its
     * idempotency key on the next try).
     */
    public String checkout(ShopRef shop, Choice choice) {
        Target target = target(choice);
        if (shop.status() == ShopStatus.CANCELLED || shop.status() == ShopStatus.PURGED) {
            // The lifecycle has no way back from CANCELLED: taking money for it would buy nothing.
            throw BillingProblems.SHOP_CLOSED.exception("This shop is cancelled; its data can be exported until it is removed. "
                    + "Open a new shop to subscribe again.");
        }
        Subscription current = current(shop.id());
        if (current.hasProviderSubscription() && LIVE.contains(current.providerStatus())) {
            throw BillingProblems.ALREADY_SUBSCRIBED.exception("This shop already has a subscription; change its plan instead.");
        }
        CheckoutSession session;
        try {
            session = provider.startCheckout(new CheckoutRequest(shop.id(), shop.name(), shop.ownerEmail(), current.customerId(),
                    target.items(), shop.returnUrl() + "?checkout=success", shop.returnUrl() + "?checkout=cancelled"));
        } catch (PaymentProviderUnavailable e) {
            throw providerDown();
        }
        transactions.executeWithoutResult(status -> subscriptions.linkCustomer(shop.id(), provider.name(), session.customerId()));
        return session.url();
    }

    public String portal(ShopRef shop) {
        Subscription current = current(shop.id());
        if (current.customerId() == null) {
            throw BillingProblems.NO_SUBSCRIPTION.exception("Subscribe first: the portal manages an existing subscription.");
        }
        try {
            return provider.portalUrl(current.customerId(), shop.returnUrl());
        } catch (PaymentProviderUnavailable e) {
            throw providerDown();
        }
    }

    public record ChangeResult(String effective, Money amountDueNow, Money recurringPrice, boolean applied) {
    }

    /**
     * Changes plan, interval or seats. An upgrade (a higher recurring price) applies now and the
     * prorated difference is invoiced at once; a downgrade waits for the end of the period. A
     * target the shop does not fit is refused with 422, listing what to remove. Seats never
     * refuse: members beyond the seats stay and cannot log in until the owner chooses.
     */
    public ChangeResult change(TenantId shop, Choice choice, boolean preview) {
        Target target = target(choice);
        Subscription current = current(shop);
        if (!current.hasProviderSubscription() || !LIVE.contains(current.providerStatus())) {
            throw BillingProblems.NO_SUBSCRIPTION.exception("Subscribe first (checkout); then change the plan.");
        }
        requireFits(shop, target.plan());
        Plan currentPlan = plans.version(current.plan(), current.planVersion()).orElseThrow();
        Money currentPrice = monthly(currentPlan, current.interval(), current.extraSeats());
        Money targetPrice = monthly(target.plan(), target.interval(), target.extraSeats());
        Money recurring = recurring(target.plan(), target.interval(), target.extraSeats());
        try {
            if (targetPrice.amount() >= currentPrice.amount()) {
                if (preview) {
                    return new ChangeResult("NOW", provider.previewChange(current.subscriptionId(), target.items()), recurring, false);
                }
                ProviderSubscription changed = provider.changeNow(current.subscriptionId(), target.items(), true);
                transactions.executeWithoutResult(status -> {
                    subscriptions.schedule(shop, null);
                    sync.apply(shop, changed, false, Cause.system("plan change by owner"));
                });
                return new ChangeResult("NOW", null, recurring, true);
            }
        } catch (PaymentProviderUnavailable e) {
            throw providerDown();
        }
        Money none = Money.of(0, recurring.currency());
        if (!preview) {
            transactions.executeWithoutResult(status -> subscriptions.schedule(shop, new Subscription.PendingChange(
                    target.plan().code(), target.plan().version(), target.interval(), target.extraSeats())));
        }
        return new ChangeResult("PERIOD_END", none, recurring, !preview);
    }

    private void requireFits(TenantId shop, Plan plan) {
        Entitlements now = entitlements.of(shop).orElseThrow();
        List<FieldProblem> remove = new ArrayList<>();
        over("contacts", now.contacts().used(), plan.contacts(), remove);
        over("channels", now.channels().used(), plan.channels(), remove);
        over("autoReplyRules", now.autoReplyRules().used(), plan.autoReplyRules(), remove);
        if (!remove.isEmpty()) {
            throw new ProblemException(BillingProblems.PLAN_DOES_NOT_FIT,
                    "The shop has more than the " + plan.name() + " plan allows; remove the excess first.",
                    remove, Map.of("plan", plan.code().name()));
        }
    }

    private static void over(String what, long used, Integer limit, List<FieldProblem> remove) {
        if (limit != null && used > limit) {
            remove.add(new FieldProblem(what, "remove " + (used - limit) + " (" + used + " used, the plan allows " + limit + ")"));
        }
    }

    private record Target(Plan plan, BillingInterval interval, int extraSeats, List<LineItem> items) {
    }

    private Target target(Choice choice) {
        FieldErrors errors = new FieldErrors();
        var plan = PlanCode.parse(choice.plan()).flatMap(plans::current);
        errors.require(plan.isPresent(), "plan", "must be one of LITE, REGULAR, ADVANCED");
        var interval = choice.interval() == null ? java.util.Optional.of(BillingInterval.MONTH) : BillingInterval.parse(choice.interval());
        errors.require(interval.isPresent(), "interval", "must be MONTH or YEAR");
        errors.require(choice.seats() == null || (choice.seats() > 0 && choice.seats() <= 1000), "seats", "must be between 1 and 1000");
        errors.throwIfAny();
        Plan p = plan.get();
        int extra = choice.seats() == null ? 0 : Math.max(0, choice.seats() - p.seats());
        if (extra > 0 && !p.sellsExtraSeats()) {
            errors.add("seats", "the " + p.name() + " plan has " + p.seats() + " seats and sells no extra ones");
            errors.throwIfAny();
        }
        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem(PriceKey.base(p, interval.get()), 1));
        if (extra > 0) {
            items.add(new LineItem(PriceKey.extraSeat(p, interval.get()), extra));
        }
        return new Target(p, interval.get(), extra, items);
    }

    /** Compares plans on a monthly footing, so a yearly plan compares fairly with a monthly one. */
    private static Money monthly(Plan plan, BillingInterval interval, int extraSeats) {
        Money total = recurring(plan, interval, extraSeats);
        return interval == BillingInterval.YEAR ? Money.of(total.amount() / 12, total.currency()) : total;
    }

    private static Money recurring(Plan plan, BillingInterval interval, int extraSeats) {
        Money total = plan.price(interval);
        if (extraSeats > 0) {
            total = total.plus(PriceKey.extraSeat(plan, interval).amount().times(extraSeats));
        }
        return total;
    }

    private static ProblemException providerDown() {
        return BillingProblems.PAYMENT_PROVIDER_UNAVAILABLE.exception(
                "The payment provider did not answer in time or failed. Nothing was changed; please try again in a minute.");
    }
}
