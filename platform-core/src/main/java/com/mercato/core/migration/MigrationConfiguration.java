package com.mercato.core.migration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mercato.core.database.DatabaseCoordinates;

@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

    @Bean
    TenantSchemaMigrator tenantSchemaMigrator(DatabaseCoordinates database) {
        return new TenantSchemaMigrator(database);
    }

    @Bean
    ParallelTenantMigration parallelTenantMigration(TenantSchemaMigrator migrator, Environment environment) {
        return new ParallelTenantMigration(migrator, environment.getProperty("mercato.migration.parallelism", Integer.class, 4));
    }
}
