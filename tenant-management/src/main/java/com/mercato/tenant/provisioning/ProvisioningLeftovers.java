package com.mercato.tenant.provisioning;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.core.tenancy.TenantId;

/** Removes the platform rows of a shop whose provisioning did not finish. */
final class ProvisioningLeftovers {

    private ProvisioningLeftovers() {
    }

    /**
     * Deletes the shop (its memberships cascade) and the people who signed up with it and now
     * belong to no shop, so they can sign up again with the same e-mail.
     */
    static void delete(JdbcClient jdbc, TenantId id) {
        List<UUID> newOwners = jdbc.sql("""
                        SELECT u.id FROM public.users u
                        JOIN public.memberships m ON m.user_id = u.id
                        JOIN public.tenants t ON t.id = m.tenant_id
                        WHERE t.id = ? AND t.status = 'PROVISIONING' AND u.created_at >= t.created_at
                        FOR UPDATE OF t""")
                .param(id.value())
                .query(UUID.class)
                .list();
        jdbc.sql("DELETE FROM public.tenants WHERE id = ? AND status = 'PROVISIONING'").param(id.value()).update();
        for (UUID owner : newOwners) {
            jdbc.sql("DELETE FROM public.users u WHERE u.id = ? AND NOT EXISTS (SELECT 1 FROM public.memberships m WHERE m.user_id = u.id)")
                    .param(owner)
                    .update();
        }
    }
}
