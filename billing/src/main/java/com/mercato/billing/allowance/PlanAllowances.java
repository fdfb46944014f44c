package com.mercato.billing.allowance;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import com.mercato.billing.entitlement.EntitlementService;
import com.mercato.billing.entitlement.PlanLimits;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;

/**
 * Answers tenant-management's allowance questions from the entitlements: plan version, extra
 * seats and status. Read from the database, not the cache, because seat checks must be decided
 * by the database (see the architecture's seats section).
 */
@Component
class PlanAllowances implements ShopAllowances {

    private final EntitlementService entitlements;
    private final PlanCatalog catalog;

    PlanAllowances(EntitlementService entitlements, PlanCatalog catalog) {
        this.entitlements = entitlements;
        this.catalog = catalog;
    }

    @Override
    public Allowance of(TenantId shop) {
        return entitlements.freshLimits(shop)
                .map(limits -> new Allowance(limits.seats(), limits.sessionsPerMember(), limits.apiAccess()))
                .orElse(new Allowance(0, 0, false));
    }

    /** From the entitlement cache (evicted on every plan change): asked on every token request. */
    @Override
    public boolean apiAccess(TenantId shop) {
        return entitlements.limits(shop).map(PlanLimits::apiAccess).orElse(false);
    }

    /** "buy extra seats or upgrade the plan to Advanced", "upgrade the plan to Regular or Advanced", ... */
    @Override
    public String howToGetMoreSeats(TenantId shop) {
        Optional<Plan> plan = entitlements.freshLimits(shop)
                .flatMap(limits -> PlanCode.parse(limits.plan()).flatMap(code -> catalog.version(code, limits.planVersion())));
        if (plan.isEmpty()) {
            return ShopAllowances.super.howToGetMoreSeats(shop);
        }
        List<String> larger = catalog.current().stream().filter(p -> p.seats() > plan.get().seats()).map(Plan::name).toList();
        String upgrade = larger.isEmpty() ? null : "upgrade the plan to " + String.join(" or ", larger);
        if (plan.get().sellsExtraSeats()) {
            return upgrade == null ? "buy extra seats" : "buy extra seats or " + upgrade;
        }
        return upgrade == null ? "contact us" : upgrade + " (the " + plan.get().name() + " plan sells no extra seats)";
    }
}
