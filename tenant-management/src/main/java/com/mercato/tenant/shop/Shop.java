package com.mercato.tenant.shop;

import java.time.Instant;
import java.util.Optional;

import com.mercato.core.tenancy.TenantId;

/** A shop on the platform, as the platform schema knows it. */
public record Shop(
        TenantId id,
        String slug,
        String name,
        ShopStatus status,
        String planCode,
        String billingInterval,
        Instant trialEndsAt,
        MigrationState migrationState,
        String migratedChangelog,
        Instant createdAt,
        String holdReason) {

    /** An operator's hold, with the reason the owner reads; billing events never lift it. */
    public Optional<String> hold() {
        return Optional.ofNullable(holdReason);
    }

    /** Whether this shop's schema is at the tenant changelog the running code carries. */
    public boolean schemaIsCurrent(String expectedChangelog) {
        return migrationState == MigrationState.CURRENT && expectedChangelog.equals(migratedChangelog);
    }
}
