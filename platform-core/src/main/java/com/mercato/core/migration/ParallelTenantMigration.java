package com.mercato.core.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mercato.core.tenancy.TenantId;

/**
 * Migrates many tenant schemas, a bounded number at a time, on one node at a time: the run
 * holds a PostgreSQL advisory lock, so a second node waits for it (and then finds every
 * schema already up to date). A tenant's failure is reported and does not stop the others.
 */
public final class ParallelTenantMigration {

    /** Arbitrary but fixed: the advisory lock key that serialises tenant migrations across nodes. */
    static final long LOCK_KEY = 0x4d45524341544f01L;
    private static final Logger log = LoggerFactory.getLogger(ParallelTenantMigration.class);

    private final TenantSchemaMigrator migrator;
    private final int parallelism;

    public ParallelTenantMigration(TenantSchemaMigrator migrator, int parallelism) {
        this.migrator = migrator;
        this.parallelism = Math.max(1, parallelism);
    }

    public record Outcome(TenantId tenant, SchemaMigrationFailed failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public record Progress(int done, int total, int failed) {
        @Override
        public String toString() {
            return done + "/" + total + " tenants migrated" + (failed > 0 ? " (" + failed + " failed)" : "");
        }
    }

    /** Migrates every tenant given, reporting each outcome as it comes; returns the failures. */
    public List<Outcome> migrateAll(List<TenantId> tenants, Consumer<Outcome> onOutcome, Consumer<Progress> onProgress) {
        try (Connection lock = migrator.connect()) {
            acquire(lock);
            try {
                return runLocked(tenants, onOutcome, onProgress);
            } finally {
                release(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the tenant migration lock", e);
        }
    }

    private List<Outcome> runLocked(List<TenantId> tenants, Consumer<Outcome> onOutcome, Consumer<Progress> onProgress) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Outcome> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        int total = tenants.size();
        log.info("Migrating {} tenant schemas, {} at a time", total, parallelism);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().name("tenant-migration-", 0).factory())) {
            List<Future<?>> futures = new ArrayList<>(total);
            for (TenantId tenant : tenants) {
                futures.add(pool.submit(() -> {
                    Outcome outcome;
                    try {
                        migrator.migrate(tenant.schema());
                        outcome = new Outcome(tenant, null);
                    } catch (SchemaMigrationFailed e) {
                        log.error("Tenant {} could not be migrated: {}", tenant, e.getMessage());
                        outcome = new Outcome(tenant, e);
                        failures.add(outcome);
                        failed.incrementAndGet();
                    }
                    onOutcome.accept(outcome);
                    Progress progress = new Progress(done.incrementAndGet(), total, failed.get());
                    onProgress.accept(progress);
                    if (progress.done() == total || progress.done() % 50 == 0) {
                        log.info("{}", progress);
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (Exception e) {
                    throw new IllegalStateException("Tenant migration worker died", e);
                }
            }
        }
        return List.copyOf(failures);
    }

    private static void acquire(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    private static void release(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}
