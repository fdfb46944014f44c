package com.mercato.tenant.migration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mercato.core.migration.ParallelTenantMigration;
import com.mercato.core.migration.ParallelTenantMigration.Outcome;
import com.mercato.core.migration.ParallelTenantMigration.Progress;
import com.mercato.core.migration.TenantChangelog;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.shop.Shops;

/**
 * Brings every shop's schema to the tenant changelog of this build, at start-up and on demand,
 * recording each shop's outcome: a shop that failed is marked {@code FAILED} with the reason
 * and answers 503 until a later run succeeds; the others serve.
 */
@Service
public class TenantMigrations {

    private static final Logger log = LoggerFactory.getLogger(TenantMigrations.class);

    private final Shops shops;
    private final ParallelTenantMigration migration;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress(0, 0, 0));

    TenantMigrations(Shops shops, ParallelTenantMigration migration, JdbcClient jdbc, Clock clock) {
        this.shops = shops;
        this.migration = migration;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Migrates every shop's schema; returns the shops that failed. */
    public List<TenantId> migrateAll() {
        return migrate(shops.withSchemas());
    }

    /** Migrates the shops not yet at this build's changelog: the start-up case, cheap when nothing changed. */
    public List<TenantId> migrateOutdated() {
        return migrate(shops.withOutdatedSchemas(TenantChangelog.fingerprint()));
    }

    public List<TenantId> migrate(List<TenantId> tenants) {
        List<Outcome> failures = migration.migrateAll(tenants, this::record, progress::set);
        if (!failures.isEmpty()) {
            log.warn("{} shops failed to migrate and answer 503 until fixed", failures.size());
        }
        return failures.stream().map(Outcome::tenant).toList();
    }

    public Progress progress() {
        return progress.get();
    }

    private void record(Outcome outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        if (outcome.succeeded()) {
            jdbc.sql("""
                            UPDATE public.tenants SET migration_state = 'CURRENT', migration_error = NULL,
                                   migrated_changelog = ?, migrated_at = ?
                            WHERE id = ?""")
                    .params(TenantChangelog.fingerprint(), now, outcome.tenant().value())
                    .update();
        } else {
            jdbc.sql("UPDATE public.tenants SET migration_state = 'FAILED', migration_error = ?, migrated_at = ? WHERE id = ?")
                    .params(truncate(outcome.failure().getMessage()), now, outcome.tenant().value())
                    .update();
        }
    }

    private static String truncate(String message) {
        return message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
