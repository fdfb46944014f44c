package com.mercato.web.ops;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.billing.plan.PlanTerms;
import com.mercato.billing.plan.PlanVersions;
import com.mercato.core.problem.CoreProblems;

/**
 * Operators' plan edits over JMX until the admin console exists: give the plan and only what
 * changes; the rest is taken from the current version, and the result is the next version.
 */
@Component
@Endpoint(id = "planversions")
class PlanVersionsEndpoint {

    private final PlanCatalog catalog;
    private final PlanVersions versions;

    PlanVersionsEndpoint(PlanCatalog catalog, PlanVersions versions) {
        this.catalog = catalog;
        this.versions = versions;
    }

    @ReadOperation
    List<Plan> current() {
        return catalog.current();
    }

    @WriteOperation
    Plan publish(String plan, @Nullable String name, @Nullable Long monthlyPrice, @Nullable Long annualPrice,
                 @Nullable Integer seats, @Nullable Integer contacts, @Nullable Integer channels, @Nullable String operator) {
        PlanCode code = PlanCode.parse(plan).orElseThrow(() -> CoreProblems.NOT_FOUND.exception("There is no plan " + plan + "."));
        Plan now = catalog.current(code).orElseThrow();
        PlanTerms was = PlanTerms.of(now);
        PlanTerms terms = new PlanTerms(name != null ? name : was.name(),
                monthlyPrice != null ? monthlyPrice : was.monthlyPrice(), annualPrice != null ? annualPrice : was.annualPrice(),
                seats != null ? seats : was.seats(), was.extraSeatMonthlyPrice(), was.extraSeatAnnualPrice(),
                contacts != null ? contacts : was.contacts(), channels != null ? channels : was.channels(),
                was.autoReplyRules(), was.broadcastRecipientsPerMonth(), was.apiAccess(), was.sessionsPerMember(), was.trialDays());
        return versions.publish(code, terms, operator == null ? "jmx" : operator);
    }
}
