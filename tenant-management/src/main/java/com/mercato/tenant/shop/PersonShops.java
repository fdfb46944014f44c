package com.mercato.tenant.shop;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mercato.tenant.member.MemberStatus;
import com.mercato.tenant.member.Role;

/** The shops one person belongs to. */
@Service
public class PersonShops {

    private final JdbcClient jdbc;

    PersonShops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shops this person may use now (active member, shop serving), by name then slug. */
    public List<ShopAccess> usableBy(UUID userId) {
        return jdbc.sql("""
                        SELECT %s, m.role, m.status AS member_status
                        FROM public.memberships m
                        JOIN public.tenants t ON t.id = m.tenant_id
                        WHERE m.user_id = ? AND m.status = 'ACTIVE' AND t.status NOT IN ('PROVISIONING', 'PURGED')
                        ORDER BY lower(t.name), t.slug""".formatted(ShopRows.COLUMNS))
                .param(userId)
                .query((rs, n) -> new ShopAccess(ShopRows.map(rs), Role.valueOf(rs.getString("role")),
                        MemberStatus.valueOf(rs.getString("member_status"))))
                .list()
                .stream()
                .filter(access -> access.isActiveMember() && access.shop().status().isServing())
                .toList();
    }
}
