package com.mercato.billing.plan;

import java.util.Optional;

import com.mercato.core.problem.FieldErrors;

/**
 * What an operator sets when a plan changes: prices in minor units of the plan's currency, limits
 * ({@code null} = unlimited) and features. Publishing terms makes a new plan version.
 */
public record PlanTerms(
        String name,
        long monthlyPrice,
        long annualPrice,
        int seats,
        Long extraSeatMonthlyPrice,
        Long extraSeatAnnualPrice,
        Integer contacts,
        Integer channels,
        Integer autoReplyRules,
        Integer broadcastRecipientsPerMonth,
        boolean apiAccess,
        int sessionsPerMember,
        int trialDays) {

    /** The terms of an existing version, to change one thing and publish the rest as they are. */
    public static PlanTerms of(Plan plan) {
        return new PlanTerms(plan.name(), plan.monthlyPrice().amount(), plan.annualPrice().amount(), plan.seats(),
                plan.extraSeatMonthlyPrice() == null ? null : plan.extraSeatMonthlyPrice().amount(),
                plan.extraSeatAnnualPrice() == null ? null : plan.extraSeatAnnualPrice().amount(),
                plan.contacts(), plan.channels(), plan.autoReplyRules(), plan.broadcastRecipientsPerMonth(),
                plan.apiAccess(), plan.sessionsPerMember(), plan.trialDays());
    }

    /** Throws a 400 naming every field that cannot be sold. */
    void validate() {
        new FieldErrors()
                .require(name != null && !name.isBlank() && name.length() <= 60, "name", "Give the plan a name of at most 60 characters.")
                .require(monthlyPrice > 0, "monthlyPrice", "The monthly price must be more than zero.")
                .require(annualPrice > 0, "annualPrice", "The annual price must be more than zero.")
                .require(seats >= 1 && seats <= 1000, "seats", "Seats must be between 1 and 1000.")
                .require((extraSeatMonthlyPrice == null) == (extraSeatAnnualPrice == null), "extraSeatAnnualPrice",
                        "An extra seat needs both a monthly and an annual price, or neither.")
                .check("extraSeatMonthlyPrice", positiveOrAbsent(extraSeatMonthlyPrice))
                .check("contacts", nonNegativeOrUnlimited(contacts))
                .check("channels", nonNegativeOrUnlimited(channels))
                .check("autoReplyRules", nonNegativeOrUnlimited(autoReplyRules))
                .check("broadcastRecipientsPerMonth", nonNegativeOrUnlimited(broadcastRecipientsPerMonth))
                .require(sessionsPerMember >= 1 && sessionsPerMember <= 20, "sessionsPerMember", "Sessions per member must be between 1 and 20.")
                .require(trialDays >= 0 && trialDays <= 90, "trialDays", "A trial lasts between 0 and 90 days.")
                .throwIfAny();
    }

    private static Optional<String> positiveOrAbsent(Long price) {
        return price != null && price <= 0 ? Optional.of("An extra seat's price must be more than zero.") : Optional.empty();
    }

    private static Optional<String> nonNegativeOrUnlimited(Integer limit) {
        return limit != null && limit < 0 ? Optional.of("A limit is zero or more, or null for unlimited.") : Optional.empty();
    }
}
