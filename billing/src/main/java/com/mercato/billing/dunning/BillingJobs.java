package com.mercato.billing.dunning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.billing.notice.OwnerNotices;
import com.mercato.core.scheduling.ClusterLock;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;
import com.mercato.tenant.lifecycle.ShopLifecycle;
import com.mercato.tenant.shop.ShopStatus;

/**
 * The time-driven half of the lifecycle, on one node at a time: trial reminders (3 days and
 * 1 day before the end, each once), trial end without a subscription, grace end, 30 days
 * suspended, 30 days cancelled (purge), and downgrades due at the end of their period. Each
 * shop is handled in its own transaction, so one shop's failure does not hold the others back.
 */
@Component
public class BillingJobs {

    public static final Duration SUSPENDED_UNTIL_CANCELLED = Duration.ofDays(30);
    public static final Duration CANCELLED_UNTIL_PURGED = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);

    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final ShopLifecycle lifecycle;
    private final OwnerNotices notices;
    private final ShopPurge purge;
    private final DueDowngrades downgrades;
    private final ProviderCancellations cancellations;
    private final TransactionTemplate perShop;
    private final Clock clock;

    BillingJobs(JdbcClient jdbc, ClusterLock lock, ShopLifecycle lifecycle, OwnerNotices notices, ShopPurge purge,
                DueDowngrades downgrades, ProviderCancellations cancellations, PlatformTransactionManager transactions,
                Clock clock) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.lifecycle = lifecycle;
        this.notices = notices;
        this.purge = purge;
        this.downgrades = downgrades;
        this.cancellations = cancellations;
        this.perShop = new TransactionTemplate(transactions);
        this.perShop.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mercato.billing.jobs-interval:PT1M}", initialDelayString = "${mercato.billing.jobs-interval:PT1M}")
    public void runOnSchedule() {
        lock.runExclusively("billing-lifecycle", this::runAll);
    }

    /** Every step, in lifecycle order; tests call it after moving the clock. */
    public void runAll() {
        remindTrials();
        endTrials();
        applyDueDowngrades();
        endGrace();
        cancelLongSuspended();
        purgeLongCancelled();
    }

    public void remindTrials() {
        Instant now = clock.instant();
        // The update claims each reminder before the mail goes: two runs can never both send it.
        // A shop first seen within a day of its end gets only the 1-day reminder.
        for (Reminder r : claimReminders("trial_reminded_1d_at", "trial_reminded_3d_at = coalesce(s.trial_reminded_3d_at, ?)", now,
                Duration.ofDays(1))) {
            each("trial-reminder", r.shop(), shop -> notices.trialEndsSoon(shop, r.endsAt()));
        }
        for (Reminder r : claimReminders("trial_reminded_3d_at", null, now, Duration.ofDays(3))) {
            each("trial-reminder", r.shop(), shop -> notices.trialEndsSoon(shop, r.endsAt()));
        }
    }

    private record Reminder(TenantId shop, Instant endsAt) {
    }

    private List<Reminder> claimReminders(String column, String alsoSet, Instant now, Duration before) {
        String sql = """
                UPDATE public.subscriptions s SET %s = ?%s
                FROM public.tenants t
                WHERE t.id = s.tenant_id AND t.status = 'TRIALING' AND s.%s IS NULL
                  AND t.trial_ends_at > ? AND t.trial_ends_at <= ?
                RETURNING s.tenant_id, t.trial_ends_at""".formatted(column, alsoSet == null ? "" : ", " + alsoSet, column);
        var statement = jdbc.sql(sql).param(Timestamp.from(now));
        if (alsoSet != null) {
            statement = statement.param(Timestamp.from(now));
        }
        return statement.param(Timestamp.from(now)).param(Timestamp.from(now.plus(before)))
                .query((rs, n) -> new Reminder(new TenantId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Trial over and no live subscription: suspended (the owner can still pay). */
    public void endTrials() {
        List<TenantId> due = shops("""
                SELECT t.id FROM public.tenants t LEFT JOIN public.subscriptions s ON s.tenant_id = t.id
                WHERE t.status = 'TRIALING' AND t.trial_ends_at <= ?
                  AND coalesce(s.provider_status, 'none') NOT IN ('active', 'trialing', 'past_due')""", clock.instant());
        for (TenantId shop : due) {
            each("trial-expiry", shop, s -> lifecycle.moveTo(s, ShopStatus.SUSPENDED, Cause.job("trial-expiry")));
        }
    }

    public void endGrace() {
        List<TenantId> due = shops("""
                SELECT t.id FROM public.tenants t JOIN public.subscriptions s ON s.tenant_id = t.id
                WHERE t.status = 'PAST_DUE' AND s.grace_ends_at <= ?""", clock.instant());
        for (TenantId shop : due) {
            each("grace-expiry", shop, s -> {
                if (lifecycle.moveTo(s, ShopStatus.SUSPENDED, Cause.job("grace-expiry")).moved()) {
                    notices.suspended(s);
                }
            });
        }
    }

    public void cancelLongSuspended() {
        List<TenantId> due = shops("""
                SELECT id FROM public.tenants WHERE status = 'SUSPENDED' AND status_changed_at <= ?""",
                clock.instant().minus(SUSPENDED_UNTIL_CANCELLED));
        for (TenantId shop : due) {
            each("suspension-expiry", shop, s -> {
                // Stop the provider from charging a shop we close; a failure here retries the whole step.
                cancellations.cancelAtProvider(s);
                lifecycle.moveTo(s, ShopStatus.CANCELLED, Cause.job("suspension-expiry"));
            });
        }
    }

    public void purgeLongCancelled() {
        List<TenantId> due = shops("""
                SELECT id FROM public.tenants WHERE status = 'CANCELLED' AND status_changed_at <= ?""",
                clock.instant().minus(CANCELLED_UNTIL_PURGED));
        for (TenantId shop : due) {
            // The schema goes first, outside any transaction; a failure after it is simply redone next run.
            try {
                purge.dropData(shop);
                each("purge", shop, purge::forget);
            } catch (RuntimeException e) {
                log.error("Purge of shop {} failed; retried next run", shop, e);
            }
        }
    }

    public void applyDueDowngrades() {
        List<TenantId> due = shops("""
                SELECT tenant_id FROM public.subscriptions
                WHERE pending_plan_code IS NOT NULL AND current_period_end <= ?""", clock.instant().plus(DueDowngrades.LEAD));
        for (TenantId shop : due) {
            each("downgrade", shop, downgrades::apply);
        }
    }

    private List<TenantId> shops(String sql, Instant at) {
        return jdbc.sql(sql + " LIMIT 500").param(Timestamp.from(at))
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    private void each(String job, TenantId shop, Consumer<TenantId> work) {
        try {
            perShop.executeWithoutResult(status -> work.accept(shop));
        } catch (RuntimeException e) {
            log.error("Billing job {} failed for shop {}; retried next run", job, shop, e);
        }
    }
}
