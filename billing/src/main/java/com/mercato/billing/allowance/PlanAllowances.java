package com.mercato.billing.allowance;

import org.springframework.stereotype.Component;

import com.mercato.billing.entitlement.EntitlementService;
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

    PlanAllowances(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public Allowance of(TenantId shop) {
        return entitlements.freshLimits(shop)
                .map(limits -> new Allowance(limits.seats(), limits.sessionsPerMember(), limits.apiAccess()))
                .orElse(new Allowance(0, 0, false));
    }
}
