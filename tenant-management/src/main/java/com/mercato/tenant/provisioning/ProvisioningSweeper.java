package com.mercato.tenant.provisioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.migration.TenantSchemaMigrator;
import com.mercato.core.scheduling.ClusterLock;
import com.mercato.core.tenancy.TenantId;

/**
 * Finishes what a crash in the middle of provisioning left: shops still {@code PROVISIONING}
 * after a few minutes, and their schemas. Runs on one node at a time.
 */
@Component
public class ProvisioningSweeper {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSweeper.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantSchemaMigrator migrator;
    private final ClusterLock lock;
    private final Clock clock;
    private final Duration abandonedAfter;

    ProvisioningSweeper(JdbcClient jdbc, TransactionTemplate transactions, TenantSchemaMigrator migrator, ClusterLock lock,
                        Clock clock, @Value("${mercato.provisioning.abandoned-after:PT5M}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.migrator = migrator;
        this.lock = lock;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    @Scheduled(fixedDelayString = "${mercato.provisioning.sweep-interval:PT1M}", initialDelayString = "${mercato.provisioning.sweep-interval:PT1M}")
    public void sweepOnSchedule() {
        lock.runExclusively("provisioning-sweeper", this::sweep);
    }

    /** Removes abandoned provisionings; returns how many shops it removed. */
    public int sweep() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(abandonedAfter));
        List<TenantId> abandoned = jdbc.sql("SELECT id FROM public.tenants WHERE status = 'PROVISIONING' AND created_at < ? ORDER BY created_at LIMIT 100")
                .param(cutoff)
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
        for (TenantId id : abandoned) {
            migrator.drop(id.schema());
            transactions.executeWithoutResult(status -> ProvisioningLeftovers.delete(jdbc, id));
            log.warn("Swept shop {} abandoned while provisioning", id);
        }
        return abandoned.size();
    }
}
