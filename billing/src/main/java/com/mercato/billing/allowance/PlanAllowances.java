package com.mercato.billing.allowance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;

/**
 * Answers tenant-management's allowance questions from the shop's plan. (To be replaced by
 * the entitlements service once subscriptions and extra seats exist.)
 */
@Component
class PlanAllowances implements ShopAllowances {

    private final JdbcClient jdbc;

    PlanAllowances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Allowance of(TenantId shop) {
        return jdbc.sql("""
                        SELECT p.seats, p.sessions_per_member, p.api_access
                        FROM public.tenants t JOIN public.plans p ON p.code = t.plan_code AND p.current
                        WHERE t.id = ?""")
                .param(shop.value())
                .query((rs, n) -> new Allowance(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
                .optional()
                .orElse(new Allowance(0, 0, false));
    }
}
