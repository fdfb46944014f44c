package com.mercato.billing;

import com.mercato.core.problem.ProblemType;

/** Problem types of plans, subscriptions, payments and entitlements. */
public final class BillingProblems {

    /** Members of a shop suspended for payment; the owner may still pay and export. */
    public static final ProblemType SHOP_SUSPENDED = new ProblemType("shop-suspended", "Shop suspended", 402);
    public static final ProblemType PAYMENT_PROVIDER_UNAVAILABLE =
            new ProblemType("payment-provider-unavailable", "Payment provider unavailable", 502);
    public static final ProblemType WEBHOOK_SIGNATURE_INVALID =
            new ProblemType("webhook-signature-invalid", "Webhook signature invalid", 400);
    public static final ProblemType NO_SUBSCRIPTION = new ProblemType("no-subscription", "No subscription yet", 409);
    public static final ProblemType SHOP_CLOSED = new ProblemType("shop-closed", "Shop cancelled", 409);
    public static final ProblemType ALREADY_SUBSCRIBED = new ProblemType("already-subscribed", "Already subscribed", 409);
    public static final ProblemType PLAN_DOES_NOT_FIT = new ProblemType("plan-does-not-fit", "The shop does not fit that plan", 422);
    /** A plan limit (contacts, channels, ...) would be exceeded; the problem names the limit and the plan that lifts it. */
    public static final ProblemType PLAN_LIMIT_REACHED = new ProblemType("plan-limit-reached", "Plan limit reached", 402);
    public static final ProblemType EXTRA_SEATS_NOT_SOLD = new ProblemType("extra-seats-not-sold", "No extra seats on this plan", 402);

    private BillingProblems() {
    }

    /**
     * The same type as {@link #SHOP_SUSPENDED}, answered with 403 under an operator's hold: the
     * architecture gives one type two statuses, and a {@link ProblemType} carries one, so this
     * one is built here and shares the slug on purpose.
     */
    public static ProblemType shopHeld() {
        return new ProblemType(SHOP_SUSPENDED.slug(), SHOP_SUSPENDED.title(), 403);
    }
}
