package com.mercato.core.tenancy;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Hibernate's schema-per-tenant wiring: one entity manager factory for the CRM entities that
 * live in tenant schemas, over the tenant pool, with its own transaction manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(
        basePackages = "com.mercato",
        entityManagerFactoryRef = "tenantEntityManagerFactory",
        transactionManagerRef = TenancyConfiguration.TENANT_TRANSACTION_MANAGER)
public class TenancyConfiguration {

    public static final String TENANT_TRANSACTION_MANAGER = "tenantTransactionManager";

    @Bean
    SchemaQualifyingConnectionProvider schemaQualifyingConnectionProvider(@Qualifier("tenantDataSource") DataSource tenantDataSource) {
        return new SchemaQualifyingConnectionProvider(tenantDataSource);
    }

    @Bean
    LocalContainerEntityManagerFactoryBean tenantEntityManagerFactory(SchemaQualifyingConnectionProvider connections) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceUnitName("tenant");
        factory.setPackagesToScan("com.mercato");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        Map<String, Object> properties = new HashMap<>();
        properties.put(AvailableSettings.MULTI_TENANT_CONNECTION_PROVIDER, connections);
        properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenantSchemaResolver());
        // Tenant tables are written under a placeholder schema that the connection names for the tenant.
        properties.put(AvailableSettings.DEFAULT_SCHEMA, SchemaQualifyingConnectionProvider.PLACEHOLDER);
        properties.put(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect");
        // No JDBC metadata at start-up: there is no tenant to ask for it, and Liquibase owns the schema.
        properties.put("hibernate.boot.allow_jdbc_metadata_access", false);
        properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
        properties.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        properties.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        properties.put(AvailableSettings.ORDER_INSERTS, true);
        properties.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, false);
        factory.setJpaPropertyMap(properties);
        return factory;
    }

    @Bean(TENANT_TRANSACTION_MANAGER)
    JpaTransactionManager tenantTransactionManager(@Qualifier("tenantEntityManagerFactory") EntityManagerFactory factory) {
        return new JpaTransactionManager(factory);
    }
}
