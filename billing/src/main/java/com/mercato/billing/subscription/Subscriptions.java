package com.mercato.billing.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.PlanCode;
import com.mercato.core.tenancy.TenantId;

/** The {@code public.subscriptions} rows. */
@Repository
public class Subscriptions {

    private static final String COLUMNS = """
            tenant_id, plan_code, plan_version, billing_interval, extra_seats, provider, provider_status, customer_id,
            subscription_id, current_period_start, current_period_end, cancel_at_period_end, grace_ends_at,
            pending_plan_code, pending_plan_version, pending_interval, pending_extra_seats""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The shop's subscription; shops opened before subscriptions existed get their row now, on
     * the current version of the plan they chose.
     */
    public Optional<Subscription> of(TenantId tenant) {
        Optional<Subscription> found = find("tenant_id = ?", tenant.value());
        if (found.isPresent()) {
            return found;
        }
        jdbc.sql("""
                        INSERT INTO public.subscriptions (tenant_id, plan_code, plan_version, billing_interval, created_at, updated_at)
                        SELECT t.id, t.plan_code, p.version, t.billing_interval, ?, ?
                        FROM public.tenants t JOIN public.plans p ON p.code = t.plan_code AND p.current
                        WHERE t.id = ?
                        ON CONFLICT (tenant_id) DO NOTHING""")
                .params(now(), now(), tenant.value())
                .update();
        return find("tenant_id = ?", tenant.value());
    }

    public Optional<Subscription> byCustomer(String customerId) {
        return find("customer_id = ?", customerId);
    }

    public Optional<Subscription> bySubscriptionId(String subscriptionId) {
        return find("subscription_id = ?", subscriptionId);
    }

    void open(TenantId tenant, PlanCode plan, int version, BillingInterval interval) {
        jdbc.sql("""
                        INSERT INTO public.subscriptions (tenant_id, plan_code, plan_version, billing_interval, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO NOTHING""")
                .params(tenant.value(), plan.name(), version, interval.name(), now(), now())
                .update();
    }

    /** Links the shop to its provider customer (once checkout started for real). */
    public void linkCustomer(TenantId tenant, String provider, String customerId) {
        jdbc.sql("UPDATE public.subscriptions SET provider = ?, customer_id = ?, updated_at = ? WHERE tenant_id = ?")
                .params(provider, customerId, now(), tenant.value())
                .update();
    }

    /** Takes the provider's current state of the subscription as ours. */
    public void apply(TenantId tenant, Snapshot s) {
        jdbc.sql("""
                        UPDATE public.subscriptions
                        SET subscription_id = ?, customer_id = coalesce(customer_id, ?), provider_status = ?, plan_code = ?,
                            plan_version = ?, billing_interval = ?, extra_seats = ?, current_period_start = ?,
                            current_period_end = ?, cancel_at_period_end = ?, updated_at = ?
                        WHERE tenant_id = ?""")
                .params(s.subscriptionId(), s.customerId(), s.status(), s.plan().name(), s.planVersion(), s.interval().name(),
                        s.extraSeats(), ts(s.periodStart()), ts(s.periodEnd()), s.cancelAtPeriodEnd(), now(), tenant.value())
                .update();
        jdbc.sql("UPDATE public.tenants SET plan_code = ?, billing_interval = ?, updated_at = ? WHERE id = ?")
                .params(s.plan().name(), s.interval().name(), now(), tenant.value())
                .update();
    }

    public void startGrace(TenantId tenant, Instant endsAt) {
        jdbc.sql("UPDATE public.subscriptions SET grace_ends_at = ?, updated_at = ? WHERE tenant_id = ?")
                .params(ts(endsAt), now(), tenant.value())
                .update();
    }

    public void endGrace(TenantId tenant) {
        jdbc.sql("UPDATE public.subscriptions SET grace_ends_at = NULL, updated_at = ? WHERE tenant_id = ? AND grace_ends_at IS NOT NULL")
                .params(now(), tenant.value())
                .update();
    }

    public void schedule(TenantId tenant, Subscription.PendingChange change) {
        jdbc.sql("""
                        UPDATE public.subscriptions SET pending_plan_code = ?, pending_plan_version = ?, pending_interval = ?,
                            pending_extra_seats = ?, updated_at = ? WHERE tenant_id = ?""")
                .params(change == null ? null : change.plan().name(), change == null ? null : change.planVersion(),
                        change == null ? null : change.interval().name(), change == null ? null : change.extraSeats(),
                        now(), tenant.value())
                .update();
    }

    /** The provider's view of a subscription, in our terms. */
    public record Snapshot(String subscriptionId, String customerId, String status, PlanCode plan, int planVersion,
                           BillingInterval interval, int extraSeats, Instant periodStart, Instant periodEnd,
                           boolean cancelAtPeriodEnd) {
    }

    private Optional<Subscription> find(String where, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.subscriptions WHERE " + where)
                .param(value)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        String pendingPlan = rs.getString("pending_plan_code");
        return new Subscription(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                PlanCode.valueOf(rs.getString("plan_code")),
                rs.getInt("plan_version"),
                BillingInterval.valueOf(rs.getString("billing_interval")),
                rs.getInt("extra_seats"),
                rs.getString("provider"),
                rs.getString("provider_status"),
                rs.getString("customer_id"),
                rs.getString("subscription_id"),
                instant(rs, "current_period_start"),
                instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"),
                instant(rs, "grace_ends_at"),
                pendingPlan == null ? null : new Subscription.PendingChange(PlanCode.valueOf(pendingPlan),
                        rs.getInt("pending_plan_version"), BillingInterval.valueOf(rs.getString("pending_interval")),
                        rs.getInt("pending_extra_seats")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
