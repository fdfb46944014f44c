package com.mercato.tenant.provisioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.migration.TenantChangelog;
import com.mercato.core.migration.TenantSchemaMigrator;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.Slug;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.member.User;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.shop.Shop;
import com.mercato.tenant.shop.Shops;
import com.mercato.tenant.shop.TenantProblems;

/**
 * Opens a shop in three steps: (1) one platform transaction claims the slug and records the
 * shop as {@code PROVISIONING} with its owner — the unique key on the slug decides a race, so
 * the loser never creates a schema; (2) the schema is created and migrated; (3) the shop
 * becomes {@code TRIALING}. If step 2 or 3 fails, everything is undone here; if the process
 * dies in between, {@link ProvisioningSweeper} removes the leftovers.
 */
@Service
public class ShopProvisioning {

    private static final Logger log = LoggerFactory.getLogger(ShopProvisioning.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantSchemaMigrator migrator;
    private final Users users;
    private final Shops shops;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShopProvisioning(JdbcClient jdbc, TransactionTemplate transactions, TenantSchemaMigrator migrator, Users users,
                     Shops shops, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.migrator = migrator;
        this.users = users;
        this.shops = shops;
        this.events = events;
        this.clock = clock;
    }

    public Shop provision(NewShop request) {
        Slug slug = new Slug(request.slug());
        TenantId id = TenantId.random();
        Instant now = clock.instant();
        UUID ownerId = transactions.execute(status -> claim(id, slug, request, now));
        try {
            migrator.migrate(id.schema());
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                UPDATE public.tenants
                                SET status = 'TRIALING', migration_state = 'CURRENT', migrated_changelog = ?,
                                    migrated_at = ?, updated_at = ?
                                WHERE id = ? AND status = 'PROVISIONING'""")
                        .params(TenantChangelog.fingerprint(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id.value())
                        .update();
                events.publishEvent(new ShopProvisioned(id, slug.value(), request.planCode(), request.billingInterval(), ownerId));
            });
        } catch (RuntimeException e) {
            log.error("Provisioning of shop {} failed; undoing it", id, e);
            undo(id);
            throw TenantProblems.PROVISIONING_FAILED.exception("The shop could not be created. Nothing was kept; please try again.");
        }
        log.info("Shop {} provisioned at slug {}", id, slug);
        return shops.findById(id).orElseThrow();
    }

    private UUID claim(TenantId id, Slug slug, NewShop request, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO public.tenants (id, slug, name, status, plan_code, billing_interval, trial_ends_at,
                                                        migration_state, created_at, updated_at)
                            VALUES (?, ?, ?, 'PROVISIONING', ?, ?, ?, 'PENDING', ?, ?)""")
                    .params(id.value(), slug.value(), request.name().strip(), request.planCode(), request.billingInterval(),
                            request.trialEndsAt() == null ? null : Timestamp.from(request.trialEndsAt()),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        UUID ownerId = switch (request.owner()) {
            case NewShop.NewOwner owner -> registerOwner(owner);
            case NewShop.ExistingUser existing -> existing.userId();
        };
        jdbc.sql("""
                        INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at)
                        VALUES (?, ?, ?, 'OWNER', 'ACTIVE', ?, ?)""")
                .params(UUID.randomUUID(), id.value(), ownerId, Timestamp.from(now), Timestamp.from(now))
                .update();
        return ownerId;
    }

    private UUID registerOwner(NewShop.NewOwner owner) {
        try {
            User user = users.register(owner.email(), owner.name(), owner.password());
            return user.id();
        } catch (DuplicateKeyException e) {
            throw new ProblemException(TenantProblems.EMAIL_REGISTERED,
                    "This e-mail already has a login. Log in and create the shop from your account.",
                    java.util.List.of(new com.mercato.core.problem.FieldProblem("ownerEmail", "is already registered")),
                    java.util.Map.of());
        }
    }

    private void undo(TenantId id) {
        try {
            migrator.drop(id.schema());
            transactions.executeWithoutResult(status -> ProvisioningLeftovers.delete(jdbc, id));
        } catch (RuntimeException cleanupFailure) {
            // The sweeper will find the PROVISIONING row and finish the job.
            log.error("Could not undo provisioning of shop {}; the sweeper will", id, cleanupFailure);
        }
    }

    static ProblemException slugTaken() {
        return new ProblemException(TenantProblems.SLUG_TAKEN, "This shop address is already taken; choose another.",
                java.util.List.of(new com.mercato.core.problem.FieldProblem("slug", "is already taken")), java.util.Map.of());
    }
}
