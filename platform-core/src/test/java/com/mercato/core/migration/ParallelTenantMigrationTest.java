package com.mercato.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.mercato.core.TenantSchemas;
import com.mercato.core.database.DatabaseCoordinates;
import com.mercato.core.tenancy.TenantId;

class ParallelTenantMigrationTest {

    @Test
    void fiftySchemasMigratedInParallelEachHaveEveryTableAndEveryChangeSet() throws SQLException {
        try (TenantSchemas schemas = new TenantSchemas()) {
            List<TenantId> tenants = schemas.newTenants(50);
            List<String> progress = Collections.synchronizedList(new ArrayList<>());
            ParallelTenantMigration migration = new ParallelTenantMigration(schemas.migrator(), 8);

            List<ParallelTenantMigration.Outcome> failures = migration.migrateAll(tenants, outcome -> { }, p -> progress.add(p.toString()));

            assertThat(failures).isEmpty();
            assertThat(progress).hasSize(50).contains("50/50 tenants migrated");
            JdbcTemplate jdbc = jdbc();
            int expectedChangeSets = jdbc.queryForObject("SELECT count(*) FROM " + tenants.getFirst().schema().quoted() + ".databasechangelog", Integer.class);
            assertThat(expectedChangeSets).isPositive();
            for (TenantId tenant : tenants) {
                Set<String> tables = Set.copyOf(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class, tenant.schema().name()));
                assertThat(tables).as(tenant.toString()).contains("contacts", "databasechangelog", "databasechangeloglock");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + tenant.schema().quoted() + ".databasechangelog", Integer.class))
                        .as(tenant.toString()).isEqualTo(expectedChangeSets);
            }
        }
    }

    @Test
    void oneTenantsFailureIsReportedAndTheOthersAreMigrated() throws SQLException {
        try (TenantSchemas schemas = new TenantSchemas()) {
            List<TenantId> tenants = schemas.newTenants(6);
            TenantId broken = tenants.get(3);
            try (Connection c = connect(); Statement s = c.createStatement()) {
                // A table in the way of the changelog's first change set.
                s.execute("CREATE SCHEMA " + broken.schema().quoted());
                s.execute("CREATE TABLE " + broken.schema().quoted() + ".contacts (something_else int)");
            }
            List<TenantId> succeeded = Collections.synchronizedList(new ArrayList<>());

            List<ParallelTenantMigration.Outcome> failures = new ParallelTenantMigration(schemas.migrator(), 3)
                    .migrateAll(tenants, o -> { if (o.succeeded()) succeeded.add(o.tenant()); }, p -> { });

            assertThat(failures).extracting(ParallelTenantMigration.Outcome::tenant).containsExactly(broken);
            assertThat(failures.getFirst().failure().getMessage()).contains(broken.schema().name());
            assertThat(succeeded).containsExactlyInAnyOrderElementsOf(
                    tenants.stream().filter(t -> !t.equals(broken)).collect(Collectors.toList()));
        }
    }

    @Test
    void migratingAnUpToDateSchemaAgainChangesNothing() throws SQLException {
        try (TenantSchemas schemas = new TenantSchemas()) {
            TenantId tenant = schemas.migrated(1).getFirst();
            JdbcTemplate jdbc = jdbc();
            int before = jdbc.queryForObject("SELECT count(*) FROM " + tenant.schema().quoted() + ".databasechangelog", Integer.class);

            schemas.migrator().migrate(tenant.schema());

            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + tenant.schema().quoted() + ".databasechangelog", Integer.class))
                    .isEqualTo(before);
        }
    }

    private static JdbcTemplate jdbc() throws SQLException {
        return new JdbcTemplate(new SingleConnectionDataSource(connect(), true));
    }

    private static Connection connect() throws SQLException {
        DatabaseCoordinates db = TenantSchemas.coordinates();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
