package com.mercato.web.oauth;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;

/**
 * Which shops a person may let an app act for: shops where the person is an active member,
 * that are serving, and whose plan includes API access.
 */
@Component
class ShopChoices {

    record Choice(UUID shopId, String slug, String name, boolean apiAccess) {
    }

    private final JdbcClient jdbc;
    private final ShopAllowances allowances;

    ShopChoices(JdbcClient jdbc, ShopAllowances allowances) {
        this.jdbc = jdbc;
        this.allowances = allowances;
    }

    /** The person's shops, each marked whether its plan allows API access. */
    List<Choice> of(UUID userId) {
        return load(userId);
    }

    private List<Choice> load(UUID userId) {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name
                        FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id
                        WHERE m.user_id = ? AND m.status = 'ACTIVE' AND t.status NOT IN ('PROVISIONING', 'PURGED')
                        ORDER BY t.name""")
                .param(userId)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Choice(id, rs.getString(2), rs.getString(3), false);
                })
                .list().stream()
                .map(c -> new Choice(c.shopId(), c.slug(), c.name(), allowances.of(new TenantId(c.shopId())).apiAccess()))
                .toList();
    }

    /** Whether the person may, right now, have an app act for this shop. */
    boolean mayActFor(UUID userId, UUID shopId) {
        boolean member = jdbc.sql("""
                        SELECT count(*) FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id
                        WHERE m.user_id = ? AND m.tenant_id = ? AND m.status = 'ACTIVE'
                          AND t.status NOT IN ('PROVISIONING', 'PURGED')""")
                .params(userId, shopId)
                .query(Integer.class).single() > 0;
        return member && allowances.of(new TenantId(shopId)).apiAccess();
    }
}
