package com.mercato.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.migration.TenantMigrations;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

class TenantMigrationFailureTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired TenantMigrations migrations;

    @Test
    void aShopWhoseMigrationFailedAnswers503WhileOthersServeUntilItIsMigrated() {
        SignedUpShop broken = fixtures().shop();
        SignedUpShop healthy = fixtures().shop();
        jdbc.sql("UPDATE public.tenants SET migration_state = 'FAILED', migration_error = 'simulated' WHERE id = ?")
                .param(broken.shopId()).update();

        ApiClient.Response unavailable = broken.owner().get("/api/v1/shops/" + broken.slug() + "/contacts");
        ApiClient.Response serving = healthy.owner().get("/api/v1/shops/" + healthy.slug() + "/contacts");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.problemType()).isEqualTo("/problems/shop-unavailable");
        assertThat(unavailable.header("Retry-After")).isNotBlank();
        assertThat(serving.status()).isEqualTo(200);

        List<TenantId> failed = migrations.migrate(List.of(new TenantId(broken.shopId())));

        assertThat(failed).isEmpty();
        assertThat(broken.owner().get("/api/v1/shops/" + broken.slug() + "/contacts").status()).isEqualTo(200);
    }

    @Test
    void aShopMigratedUnderAnOlderChangelogIsNotServedUntilTheStartUpMigrationCatchesUp() {
        SignedUpShop behind = fixtures().shop();
        jdbc.sql("UPDATE public.tenants SET migrated_changelog = 'older-build' WHERE id = ?").param(behind.shopId()).update();

        assertThat(behind.owner().get("/api/v1/shops/" + behind.slug() + "/contacts").status()).isEqualTo(503);

        migrations.migrateOutdated();

        assertThat(behind.owner().get("/api/v1/shops/" + behind.slug() + "/contacts").status()).isEqualTo(200);
    }
}
