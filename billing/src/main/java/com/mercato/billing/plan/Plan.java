package com.mercato.billing.plan;

import com.mercato.core.money.Money;

/**
 * One version of a plan: prices per interval, limits ({@code null} means unlimited) and
 * features. Versions are immutable; an operator's edit makes a new one.
 */
public record Plan(
        PlanCode code,
        int version,
        String name,
        Money monthlyPrice,
        Money annualPrice,
        int seats,
        Money extraSeatMonthlyPrice,
        Money extraSeatAnnualPrice,
        Integer contacts,
        Integer channels,
        Integer autoReplyRules,
        Integer broadcastRecipientsPerMonth,
        boolean apiAccess,
        int sessionsPerMember,
        int trialDays) {

    public Money price(BillingInterval interval) {
        return interval == BillingInterval.YEAR ? annualPrice : monthlyPrice;
    }

    public boolean sellsExtraSeats() {
        return extraSeatMonthlyPrice != null;
    }
}
