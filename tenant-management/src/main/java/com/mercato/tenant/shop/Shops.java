package com.mercato.tenant.shop;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.member.MemberStatus;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.Seats;

/** Looks shops up in the platform schema. */
@Service
public class Shops {

    private final JdbcClient jdbc;

    Shops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Shop> findById(TenantId id) {
        return jdbc.sql("SELECT " + ShopRows.COLUMNS + " FROM public.tenants t WHERE t.id = ?")
                .param(id.value())
                .query((rs, n) -> ShopRows.map(rs))
                .optional();
    }

    public Optional<Shop> findBySlug(String slug) {
        return jdbc.sql("SELECT " + ShopRows.COLUMNS + " FROM public.tenants t WHERE t.slug = ?")
                .param(slug)
                .query((rs, n) -> ShopRows.map(rs))
                .optional();
    }

    /**
     * The shop at this slug as this person may use it, in one round trip; empty when there is
     * no such shop or the person is no member of it (the caller cannot tell which, by design).
     * The person's seat rank comes with it (see {@link ShopAccess}), counted by the index on
     * the shop's active members.
     */
    public Optional<ShopAccess> accessFor(String slug, UUID userId) {
        return jdbc.sql("""
                        SELECT %s, m.role, m.status AS member_status, %s AS seat_rank
                        FROM public.tenants t
                        JOIN public.memberships m ON m.tenant_id = t.id AND m.user_id = ?
                        WHERE t.slug = ?""".formatted(ShopRows.COLUMNS, Seats.RANK_SQL))
                .param(userId)
                .param(slug)
                .query((rs, n) -> access(rs))
                .optional();
    }

    /** Every shop this person belongs to (active or deactivated), oldest membership first. */
    public List<ShopAccess> accessesOf(UUID userId) {
        return jdbc.sql("""
                        SELECT %s, m.role, m.status AS member_status, %s AS seat_rank
                        FROM public.memberships m
                        JOIN public.tenants t ON t.id = m.tenant_id
                        WHERE m.user_id = ? AND t.status NOT IN ('PROVISIONING', 'PURGED')
                        ORDER BY m.created_at, t.slug""".formatted(ShopRows.COLUMNS, Seats.RANK_SQL))
                .param(userId)
                .query((rs, n) -> access(rs))
                .list();
    }

    /** The shops this person may use now (active member, shop serving), by name then slug. */
    public List<ShopAccess> usableBy(UUID userId) {
        return accessesOf(userId).stream()
                .filter(access -> access.isActiveMember() && access.shop().status().isServing())
                .sorted(Comparator.comparing((ShopAccess access) -> access.shop().name().toLowerCase(Locale.ROOT))
                        .thenComparing(access -> access.shop().slug()))
                .toList();
    }

    private static ShopAccess access(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ShopAccess(ShopRows.map(rs), Role.valueOf(rs.getString("role")),
                MemberStatus.valueOf(rs.getString("member_status")), rs.getLong("seat_rank"));
    }

    /** Every shop whose schema exists and should be migrated. */
    public List<TenantId> withSchemas() {
        return jdbc.sql("SELECT id FROM public.tenants WHERE status NOT IN ('PROVISIONING', 'PURGED') ORDER BY created_at")
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Shops whose schema is not known to be at this build's changelog (new build, or an earlier failure). */
    public List<TenantId> withOutdatedSchemas(String changelog) {
        return jdbc.sql("""
                        SELECT id FROM public.tenants
                        WHERE status NOT IN ('PROVISIONING', 'PURGED')
                          AND (migration_state <> 'CURRENT' OR migrated_changelog IS DISTINCT FROM ?)
                        ORDER BY created_at""")
                .param(changelog)
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM public.tenants").query(Integer.class).single();
    }
}
