package com.mercato.core;

import java.util.ArrayList;
import java.util.List;

import com.mercato.core.database.DatabaseCoordinates;
import com.mercato.core.migration.TenantSchemaMigrator;
import com.mercato.core.tenancy.TenantId;
import com.mercato.testsupport.TestServices;

/** Tenant schemas made for one test, migrated with the real tenant changelog and dropped after. */
public final class TenantSchemas implements AutoCloseable {

    private final TenantSchemaMigrator migrator;
    private final List<TenantId> created = new ArrayList<>();

    public TenantSchemas() {
        this.migrator = new TenantSchemaMigrator(coordinates());
    }

    public static DatabaseCoordinates coordinates() {
        TestServices services = TestServices.get();
        return new DatabaseCoordinates(services.databaseUrl(), services.databaseUser(), services.databasePassword());
    }

    public TenantSchemaMigrator migrator() {
        return migrator;
    }

    /** Names tenants whose schemas this test will make; they are dropped on close. */
    public List<TenantId> newTenants(int count) {
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenants.add(TenantId.random());
        }
        created.addAll(tenants);
        return tenants;
    }

    public List<TenantId> migrated(int count) {
        List<TenantId> tenants = newTenants(count);
        tenants.forEach(t -> migrator.migrate(t.schema()));
        return tenants;
    }

    @Override
    public void close() {
        created.forEach(t -> migrator.drop(t.schema()));
    }
}
