package com.mercato.tenant.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.database.DatabaseCoordinates;
import com.mercato.core.migration.TenantSchemaMigrator;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;
import com.mercato.core.tenancy.TenantSchema;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.shop.Shops;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;

class ProvisioningTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired TenantSchemaMigrator migrator;
    @Autowired DatabaseCoordinates database;
    @Autowired Users users;
    @Autowired Shops shops;
    @Autowired ApplicationEventPublisher events;
    @Autowired ProvisioningSweeper sweeper;

    @Test
    void aFailedMigrationLeavesNoShopNoSchemaAndNoOwnerBehind() {
        String slug = Fixtures.uniqueSlug("broken");
        String email = slug + "@example.com";
        int schemasBefore = tenantSchemaCount();
        ShopProvisioning failing = new ShopProvisioning(jdbc, transactions, new FailsAfterCreatingTheSchema(database), users, shops, events, clock);

        assertThatThrownBy(() -> failing.provision(newShop(slug, email)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().slug()).isEqualTo("provisioning-failed"));

        assertThat(shops.findBySlug(slug)).isEmpty();
        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(tenantSchemaCount()).isEqualTo(schemasBefore);
        ApiClient.Response retry = anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, email, "LITE"));
        assertThat(retry.status()).as("the same slug and e-mail are free again").isEqualTo(201);
    }

    @Test
    void theSweeperRemovesProvisioningsAbandonedByACrashButNotFreshOnes() {
        TenantId abandoned = crashedMidProvisioning(Fixtures.uniqueSlug("crashed"));
        clock.advance(Duration.ofMinutes(10));
        TenantId fresh = crashedMidProvisioning(Fixtures.uniqueSlug("inflight"));

        int swept = sweeper.sweep();

        assertThat(swept).isGreaterThanOrEqualTo(1);
        assertThat(shops.findById(abandoned)).isEmpty();
        assertThat(schemaExists(abandoned.schema())).isFalse();
        assertThat(shops.findById(fresh)).isPresent();
        assertThat(schemaExists(fresh.schema())).isTrue();
        clock.advance(Duration.ofMinutes(10));
        sweeper.sweep();
        assertThat(shops.findById(fresh)).isEmpty();
    }

    @Test
    void concurrentSignupsForOneSlugLetExactlyOneWinAndLeaveNoOrphanSchema() throws Exception {
        String slug = Fixtures.uniqueSlug("race");
        int schemasBefore = tenantSchemaCount();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer" + i + "-" + slug + "@example.com";
            attempts.add(() -> {
                start.await();
                return anonymous().post("/api/v1/signup", Fixtures.signupBody(slug, email, "LITE")).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> futures = attempts.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(racers - 1);
        assertThat(tenantSchemaCount()).isEqualTo(schemasBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM public.users WHERE email LIKE ?").param("racer%-" + slug + "@example.com")
                .query(Integer.class).single()).isEqualTo(1);
    }

    private NewShop newShop(String slug, String email) {
        return new NewShop("Shop " + slug, slug, "LITE", "MONTH", clock.instant().plus(Duration.ofDays(7)),
                new NewShop.NewOwner(email, "Owner", Fixtures.PASSWORD));
    }

    /** What a process that died between claiming the slug and finishing the schema leaves behind. */
    private TenantId crashedMidProvisioning(String slug) {
        TenantId id = TenantId.random();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO public.tenants (id, slug, name, status, plan_code, billing_interval, created_at, updated_at)
                        VALUES (?, ?, 'Crashed', 'PROVISIONING', 'LITE', 'MONTH', ?, ?)""")
                .params(id.value(), slug, now, now).update();
        UUID user = UUID.randomUUID();
        jdbc.sql("INSERT INTO public.users (id, email, name, password_hash, created_at) VALUES (?, ?, 'x', 'x', ?)")
                .params(user, slug + "@example.com", now).update();
        jdbc.sql("INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at) VALUES (?, ?, ?, 'OWNER', 'ACTIVE', ?, ?)")
                .params(UUID.randomUUID(), id.value(), user, now, now).update();
        migrator.migrate(id.schema());
        return id;
    }

    private boolean schemaExists(TenantSchema schema) {
        return jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?").param(schema.name())
                .query(Integer.class).single() == 1;
    }

    private int tenantSchemaCount() {
        return jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name ~ '^t_[0-9a-f]{32}$'").query(Integer.class).single();
    }

    /** Creates the schema, then fails, as a migration that breaks half-way would. */
    private static final class FailsAfterCreatingTheSchema extends TenantSchemaMigrator {
        FailsAfterCreatingTheSchema(DatabaseCoordinates database) {
            super(database);
        }

        @Override
        public void migrate(TenantSchema schema) {
            try (Connection c = connect()) {
                c.createStatement().execute("CREATE SCHEMA " + schema.quoted());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("disk full (simulated)");
        }
    }
}
