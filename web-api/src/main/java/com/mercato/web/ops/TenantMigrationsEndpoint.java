package com.mercato.web.ops;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.migration.TenantMigrations;

/**
 * Operators' handle on tenant migrations: progress of the current or last run, and a run of all
 * shops on demand. Exposed over JMX only until the admin console gives it an operator login.
 */
@Component
@Endpoint(id = "tenantmigrations")
class TenantMigrationsEndpoint {

    private final TenantMigrations migrations;

    TenantMigrationsEndpoint(TenantMigrations migrations) {
        this.migrations = migrations;
    }

    @ReadOperation
    Map<String, Object> progress() {
        var progress = migrations.progress();
        return Map.of("done", progress.done(), "total", progress.total(), "failed", progress.failed(), "summary", progress.toString());
    }

    @WriteOperation
    Map<String, Object> migrateAll() {
        List<TenantId> failed = migrations.migrateAll();
        return Map.of("failed", failed.stream().map(TenantId::toString).toList(), "summary", migrations.progress().toString());
    }
}
