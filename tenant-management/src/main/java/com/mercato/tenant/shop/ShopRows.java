package com.mercato.tenant.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.mercato.core.tenancy.TenantId;

/** Reads a shop from a row of {@code public.tenants}. */
final class ShopRows {

    static final String COLUMNS = "t.id, t.slug, t.name, t.status, t.plan_code, t.billing_interval, t.trial_ends_at, t.migration_state, t.migrated_changelog, t.created_at, t.hold_reason";

    private ShopRows() {
    }

    static Shop map(ResultSet rs) throws SQLException {
        return new Shop(
                new TenantId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                ShopStatus.valueOf(rs.getString("status")),
                rs.getString("plan_code"),
                rs.getString("billing_interval"),
                instant(rs.getTimestamp("trial_ends_at")),
                MigrationState.valueOf(rs.getString("migration_state")),
                rs.getString("migrated_changelog"),
                instant(rs.getTimestamp("created_at")),
                rs.getString("hold_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
