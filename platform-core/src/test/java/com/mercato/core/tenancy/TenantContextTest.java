package com.mercato.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class TenantContextTest {

    @Test
    void workHandedToAVirtualThreadRunsForTheTenantThatHandedItOver() throws Exception {
        TenantId tenant = TenantId.random();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            Optional<TenantId> seen = TenantContext.callAs(tenant, () -> {
                try {
                    return virtualThreads.submit(TenantContext.propagate(TenantContext::current)).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).contains(tenant);
        }
    }

    @Test
    void aPooledThreadDoesNotKeepTheTenantOfEarlierWork() throws Exception {
        TenantId tenant = TenantId.random();
        TenantContextTaskDecorator decorator = new TenantContextTaskDecorator();
        try (ExecutorService single = Executors.newSingleThreadExecutor()) {
            TenantContext.runAs(tenant, () -> single.submit(decorator.decorate(() -> { })));
            Optional<TenantId> afterwards = single.submit(TenantContext::current).get();
            assertThat(afterwards).isEmpty();
        }
    }

    @Test
    void callAsRestoresTheOuterTenant() {
        TenantId outer = TenantId.random();
        TenantId inner = TenantId.random();

        TenantContext.runAs(outer, () -> {
            TenantContext.runAs(inner, () -> assertThat(TenantContext.current()).contains(inner));
            assertThat(TenantContext.current()).contains(outer);
        });
        assertThat(TenantContext.current()).isEmpty();
    }
}
