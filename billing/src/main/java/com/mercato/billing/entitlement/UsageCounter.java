package com.mercato.billing.entitlement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.contact.ContactService;
import com.mercato.core.tenancy.TenantContext;
import com.mercato.core.tenancy.TenantId;

/**
 * Counts what a shop uses, live (never cached: counts move with every contact or member).
 * Channels, auto-reply rules and broadcasts do not exist yet and count zero.
 */
@Component
class UsageCounter {

    private final JdbcClient jdbc;
    private final ContactService contacts;

    UsageCounter(JdbcClient jdbc, ContactService contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    long seats(TenantId shop) {
        // Pending invitations take seats too, once invitations exist (issue of the team module).
        return jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND status = 'ACTIVE'")
                .param(shop.value())
                .query(Long.class)
                .single();
    }

    long contacts(TenantId shop) {
        // Through the tenant's own session, as every read of a shop's data goes.
        return TenantContext.callAs(shop, contacts::count);
    }
}
