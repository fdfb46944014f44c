package com.mercato.billing.entitlement;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;

/**
 * Reads a shop's limits from the database in one query: the plan version of its subscription
 * (falling back to the current version of the shop's plan when no subscription row exists yet),
 * plus extra seats, and the shop's status. A shop that is not serving (suspended for payment,
 * cancelled, purged) keeps its limits for display but loses API access.
 */
@Component
class PlanLimitsLoader {

    private final JdbcClient jdbc;

    PlanLimitsLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlanLimits> load(TenantId shop) {
        return jdbc.sql("""
                        SELECT p.code, p.version, t.status, t.hold_reason, p.seats + coalesce(s.extra_seats, 0) AS seats,
                               p.contacts, p.channels, p.auto_reply_rules, p.broadcast_recipients_per_month, p.api_access,
                               p.sessions_per_member
                        FROM public.tenants t
                        LEFT JOIN public.subscriptions s ON s.tenant_id = t.id
                        JOIN public.plans p ON p.code = coalesce(s.plan_code, t.plan_code)
                                           AND (p.version = s.plan_version OR (s.plan_version IS NULL AND p.current))
                        WHERE t.id = ?""")
                .param(shop.value())
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    boolean serving = rs.getString("hold_reason") == null
                            && !status.equals("SUSPENDED") && !status.equals("CANCELLED") && !status.equals("PURGED");
                    return new PlanLimits(rs.getString("code"), rs.getInt("version"), status, serving, rs.getInt("seats"),
                            rs.getObject("contacts", Integer.class), rs.getObject("channels", Integer.class),
                            rs.getObject("auto_reply_rules", Integer.class),
                            rs.getObject("broadcast_recipients_per_month", Integer.class),
                            rs.getBoolean("api_access") && serving, rs.getInt("sessions_per_member"));
                })
                .optional();
    }
}
