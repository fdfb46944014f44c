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
    private final java.time.Clock clock;

    UsageCounter(JdbcClient jdbc, ContactService contacts, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.clock = clock;
    }

    long seats(TenantId shop) {
        // Active members and pending invitations, as the team module counts them (GET /seats). Not
        // through tenant-management's Seats: it asks billing for the limit, which would be a cycle.
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM public.memberships WHERE tenant_id = :shop AND status = 'ACTIVE')
                             + (SELECT count(*) FROM public.invitations
                                WHERE tenant_id = :shop AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now)""")
                .param("shop", shop.value())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    long contacts(TenantId shop) {
        // Through the tenant's own session, as every read of a shop's data goes.
        return TenantContext.callAs(shop, contacts::count);
    }
}
