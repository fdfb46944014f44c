package com.mercato.billing.entitlement;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.mercato.billing.BillingProblems;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.core.contact.ContactQuota;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;

/**
 * Refuses what would take a shop over a plan limit, with a 402 that names the limit and the
 * cheapest plan on sale that lifts it. Implements the CRM's contact quota port.
 */
@Component
public class LimitGuard implements ContactQuota {

    /** The countable limits of a plan. */
    public enum Limit {
        CONTACTS("contacts", PlanLimits::contacts, Plan::contacts),
        CHANNELS("channels", PlanLimits::channels, Plan::channels),
        AUTO_REPLY_RULES("autoReplyRules", PlanLimits::autoReplyRules, Plan::autoReplyRules),
        BROADCAST_RECIPIENTS("broadcastRecipientsPerMonth", PlanLimits::broadcastRecipientsPerMonth, Plan::broadcastRecipientsPerMonth);

        private final String field;
        private final Function<PlanLimits, Integer> ofShop;
        private final Function<Plan, Integer> ofPlan;

        Limit(String field, Function<PlanLimits, Integer> ofShop, Function<Plan, Integer> ofPlan) {
            this.field = field;
            this.ofShop = ofShop;
            this.ofPlan = ofPlan;
        }
    }

    private final EntitlementService entitlements;
    private final PlanCatalog plans;

    LimitGuard(EntitlementService entitlements, PlanCatalog plans) {
        this.entitlements = entitlements;
        this.plans = plans;
    }

    private static boolean allows(Integer limit, long wanted) {
        return limit == null || wanted <= limit;
    }

    @Override
    public void requireRoom(TenantId shop, long current, long adding) {
        requireRoom(shop, Limit.CONTACTS, current, adding);
    }

    public void requireRoom(TenantId shop, Limit limit, long current, long adding) {
        Optional<PlanLimits> limits = entitlements.limits(shop);
        if (limits.isEmpty()) {
            return;
        }
        Integer allowed = limit.ofShop.apply(limits.get());
        if (allowed == null || current + adding <= allowed) {
            return;
        }
        Optional<Plan> lifts = plans.current().stream()
                .filter(p -> allows(limit.ofPlan.apply(p), current + adding))
                .min(Comparator.comparingLong(p -> p.monthlyPrice().amount()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("limit", limit.field);
        properties.put("allowed", allowed);
        properties.put("used", current);
        lifts.ifPresent(p -> properties.put("upgradeTo", p.code().name()));
        throw new ProblemException(BillingProblems.PLAN_LIMIT_REACHED,
                "The " + limits.get().plan() + " plan allows " + allowed + " " + limit.field
                        + lifts.map(p -> "; the " + p.name() + " plan allows more.").orElse("."),
                java.util.List.of(), properties);
    }
}
