package com.mercato.core.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two pools on one database. The platform pool is pinned to the {@code public} schema at
 * connect time and is the primary data source: Liquibase, JDBC code, Spring Modulith's event
 * registry and the authorization server's stores, which issue unqualified SQL, only ever see
 * it. The tenant pool serves Hibernate's tenant sessions, whose statements the connection provider
 * qualifies with the tenant's schema. Both are sized by configuration, never by the number of tenants.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourcesConfiguration {

    @Bean
    DatabaseCoordinates databaseCoordinates(Environment environment, EmbeddedServices embedded) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return new DatabaseCoordinates(url,
                    environment.getProperty("spring.datasource.username", "postgres"),
                    environment.getProperty("spring.datasource.password", ""));
        }
        EmbeddedPostgres postgres = embedded.postgres(() -> EmbeddedPostgresLauncher.start(
                Path.of(environment.getProperty("mercato.data-dir", "./data")),
                environment.getProperty("mercato.embedded.postgres-port", Integer.class, 0)));
        return new DatabaseCoordinates(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @Bean
    EmbeddedServices embeddedServices() {
        return new EmbeddedServices();
    }

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseCoordinates database, Environment environment) {
        HikariConfig config = base(database, "platform", environment.getProperty("mercato.datasource.platform-pool-size", Integer.class, 10));
        config.addDataSourceProperty("options", "-c search_path=public");
        return new HikariDataSource(config);
    }

    @Bean
    HikariDataSource tenantDataSource(DatabaseCoordinates database, Environment environment) {
        HikariConfig config = base(database, "tenant", environment.getProperty("mercato.datasource.tenant-pool-size", Integer.class, 20));
        // A tenant connection sees no schema of ours by itself: only SQL the provider qualified finds a table.
        // Each shop's statements are distinct SQL, so each connection prepares them per shop; the driver's
        // default cache (256 statements per connection) bounds that at about 6 MB of plans per backend
        // (24 KB for a contact read, measured on PostgreSQL 15). Beyond that, statements are planned again.
        config.addDataSourceProperty("options", "-c search_path=pg_catalog");
        return new HikariDataSource(config);
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(@Qualifier("dataSource") DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    private static HikariConfig base(DatabaseCoordinates database, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setAutoCommit(true);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", "mercato-" + name);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }
}
