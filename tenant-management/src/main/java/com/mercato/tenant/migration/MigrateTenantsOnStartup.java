package com.mercato.tenant.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Migrates all shops once the application is up, in the background: shops already at the
 * current changelog serve meanwhile, the others answer 503 until their turn has come.
 */
@Component
class MigrateTenantsOnStartup {

    private static final Logger log = LoggerFactory.getLogger(MigrateTenantsOnStartup.class);

    private final TenantMigrations migrations;
    private final boolean enabled;

    MigrateTenantsOnStartup(TenantMigrations migrations, @Value("${mercato.migration.on-startup:true}") boolean enabled) {
        this.migrations = migrations;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        if (!enabled) {
            return;
        }
        Thread.ofPlatform().name("tenant-migrations-at-startup").daemon().start(() -> {
            try {
                migrations.migrateOutdated();
            } catch (RuntimeException e) {
                log.error("Migrating tenant schemas at start-up failed", e);
            }
        });
    }
}
