package com.mercato.billing.entitlement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;

/**
 * Counts what a shop uses, live (never cached: counts move with every contact or member).
 * Channels, auto-reply rules and broadcasts do not exist yet and count zero.
 */
@Component
class UsageCounter {

    private final JdbcClient jdbc;

    UsageCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long seats(TenantId shop) {
        // Pending invitations take seats too, once invitations exist (issue of the team module).
        return jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND status = 'ACTIVE'")
                .param(shop.value())
                .query(Long.class)
                .single();
    }

    long contacts(TenantId shop) {
        // The schema name comes from TenantSchema, the one place that builds and quotes it.
        return jdbc.sql("SELECT count(*) FROM " + shop.schema().quoted() + ".contacts")
                .query(Long.class)
                .single();
    }
}
