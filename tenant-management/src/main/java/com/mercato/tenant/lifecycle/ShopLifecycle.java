package com.mercato.tenant.lifecycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.shop.ShopStatus;

/**
 * Moves shops through the lifecycle table: under a row lock on the shop, only the moves the
 * table allows, each audited with its cause and published as {@link ShopStatusChanged} in the
 * same transaction. The operator's hold lives beside the status: billing moves the status under
 * a hold as it would without one, and only {@link #liftHold} ends the hold.
 */
@Service
public class ShopLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShopLifecycle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShopLifecycle(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the shop to {@code to} if the table allows it from where the shop is now. */
    public Transition moveTo(TenantId shop, ShopStatus to, Cause cause) {
        return transactions.execute(status -> {
            Optional<ShopStatus> current = jdbc.sql("SELECT status FROM public.tenants WHERE id = ? FOR UPDATE")
                    .param(shop.value())
                    .query((rs, n) -> ShopStatus.valueOf(rs.getString(1)))
                    .optional();
            if (current.isEmpty()) {
                return new Transition.NoShop();
            }
            ShopStatus from = current.get();
            if (from == to) {
                return new Transition.AlreadyThere(from);
            }
            List<ShopStatus> steps = LifecycleTable.path(from, to);
            if (steps.isEmpty()) {
                log.info("Shop {} stays {}: no move to {} ({})", shop, from, to, cause.reason());
                return new Transition.NotAllowed(from, to);
            }
            Instant now = clock.instant();
            jdbc.sql("UPDATE public.tenants SET status = ?, status_changed_at = ?, updated_at = ? WHERE id = ?")
                    .params(to.name(), Timestamp.from(now), Timestamp.from(now), shop.value())
                    .update();
            ShopStatus at = from;
            for (ShopStatus step : steps) {
                audit.record(new AuditEntry(shop, cause.actorType(), cause.actorId(), "shop.status-changed", cause.reason(),
                        Map.of("from", at.name(), "to", step.name()), null));
                events.publishEvent(new ShopStatusChanged(shop, at, step, cause.reason(), now));
                log.info("Shop {} moved from {} to {} ({})", shop, at, step, cause.reason());
                at = step;
            }
            return new Transition.Moved(from, to);
        });
    }

    /** When the shop last changed status (for the 30-day rules). */
    public Optional<Instant> statusChangedAt(TenantId shop) {
        return jdbc.sql("SELECT coalesce(status_changed_at, updated_at) FROM public.tenants WHERE id = ?")
                .param(shop.value())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    public void hold(TenantId shop, String reason, String operatorId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A hold needs a reason the owner can read");
        }
        changeHold(shop, reason.strip(), operatorId, "shop.held");
    }

    public void liftHold(TenantId shop, String operatorId) {
        changeHold(shop, null, operatorId, "shop.hold-lifted");
    }

    private void changeHold(TenantId shop, String reason, String operatorId, String action) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            int updated = jdbc.sql("UPDATE public.tenants SET hold_reason = ?, held_at = ?, held_by = ?, updated_at = ? WHERE id = ?")
                    .params(reason, reason == null ? null : Timestamp.from(now), reason == null ? null : operatorId,
                            Timestamp.from(now), shop.value())
                    .update();
            if (updated == 0) {
                return;
            }
            audit.record(new AuditEntry(shop, AuditEntry.ActorType.OPERATOR, operatorId, action,
                    reason == null ? "hold lifted" : reason, Map.of(), null));
            events.publishEvent(new ShopHoldChanged(shop, reason, operatorId, now));
        });
    }
}
