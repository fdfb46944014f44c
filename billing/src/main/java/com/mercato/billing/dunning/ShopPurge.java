package com.mercato.billing.dunning;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.migration.TenantSchemaMigrator;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;
import com.mercato.tenant.lifecycle.ShopLifecycle;
import com.mercato.tenant.shop.ShopStatus;

/**
 * The end of a cancelled shop: its schema dropped, its platform rows anonymised (name, slug,
 * memberships, invitations; people who belong to no other shop lose their e-mail and name). Invoices and the
 * audit log stay: they are the platform's books.
 */
@Component
class ShopPurge {

    private final JdbcClient jdbc;
    private final TenantSchemaMigrator migrator;
    private final ShopLifecycle lifecycle;
    private final Clock clock;

    ShopPurge(JdbcClient jdbc, TenantSchemaMigrator migrator, ShopLifecycle lifecycle, Clock clock) {
        this.jdbc = jdbc;
        this.migrator = migrator;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    void dropData(TenantId shop) {
        migrator.drop(shop.schema());
    }

    void forget(TenantId shop) {
        if (!lifecycle.moveTo(shop, ShopStatus.PURGED, Cause.job("purge")).moved()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE public.users u SET email = 'purged-' || u.id || '@invalid', name = 'Purged', password_hash = '!'
                        WHERE u.id IN (SELECT m.user_id FROM public.memberships m WHERE m.tenant_id = ?)
                          AND NOT EXISTS (SELECT 1 FROM public.memberships o WHERE o.user_id = u.id AND o.tenant_id <> ?)""")
                .params(shop.value(), shop.value())
                .update();
        jdbc.sql("DELETE FROM public.memberships WHERE tenant_id = ?").param(shop.value()).update();
        // invitations hold e-mail addresses of people who may never have joined
        jdbc.sql("DELETE FROM public.invitations WHERE tenant_id = ?").param(shop.value()).update();
        jdbc.sql("""
                        UPDATE public.tenants SET name = 'Purged shop', slug = 'purged-' || replace(id::text, '-', ''),
                            hold_reason = NULL, updated_at = ? WHERE id = ?""")
                .params(now, shop.value())
                .update();
    }
}
