package com.mercato.billing.entitlement;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.ShopHoldChanged;
import com.mercato.tenant.lifecycle.ShopStatusChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers "what may this shop do now, and how much is used". Limits come from the plan version,
 * extra seats and status and are cached in Redis (evicted on every change, and again after the
 * changing transaction commits so a reader in between cannot cache the old state for long);
 * usage is counted live. Redis being down only costs the cache.
 */
@Service
public class EntitlementService {

    private static final Logger log = LoggerFactory.getLogger(EntitlementService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TTL = Duration.ofMinutes(10);

    private final PlanLimitsLoader loader;
    private final UsageCounter usage;
    private final StringRedisTemplate redis;
    private final String keyPrefix;

    EntitlementService(PlanLimitsLoader loader, UsageCounter usage, StringRedisTemplate redis,
                       @Value("${mercato.redis.key-prefix:mercato:}") String keyPrefix) {
        this.loader = loader;
        this.usage = usage;
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    public Optional<Entitlements> of(TenantId shop) {
        return limits(shop).map(limits -> new Entitlements(limits.plan(), limits.planVersion(), limits.status(),
                new Entitlements.Usage(limits.seats(), usage.seats(shop)),
                new Entitlements.Usage(limits.contacts(), usage.contacts(shop)),
                new Entitlements.Usage(limits.channels(), 0),
                new Entitlements.Usage(limits.autoReplyRules(), 0),
                new Entitlements.Usage(limits.broadcastRecipientsPerMonth(), 0),
                limits.apiAccess(), limits.sessionsPerMember()));
    }

    /** The shop's limits, from the cache when it holds them. */
    public Optional<PlanLimits> limits(TenantId shop) {
        String key = key(shop);
        try {
            String cached = redis.opsForValue().get(key);
            if (cached != null) {
                return Optional.of(JSON.readValue(cached, PlanLimits.class));
            }
        } catch (RuntimeException e) {
            log.warn("Entitlement cache unreadable for shop {}; reading the database", shop, e);
        }
        Optional<PlanLimits> limits = loader.load(shop);
        limits.ifPresent(value -> {
            try {
                redis.opsForValue().set(key, JSON.writeValueAsString(value), TTL);
            } catch (RuntimeException e) {
                log.warn("Entitlement cache not written for shop {}", shop, e);
            }
        });
        return limits;
    }

    /** The shop's limits straight from the database, for checks that a cache must never decide (seats). */
    public Optional<PlanLimits> freshLimits(TenantId shop) {
        return loader.load(shop);
    }

    public void invalidate(TenantId shop) {
        evict(shop);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(shop);
                }
            });
        }
    }

    @EventListener
    void on(ShopStatusChanged event) {
        invalidate(event.shopId());
    }

    @EventListener
    void on(ShopHoldChanged event) {
        invalidate(event.shopId());
    }

    private void evict(TenantId shop) {
        try {
            redis.delete(key(shop));
        } catch (RuntimeException e) {
            log.warn("Entitlement cache entry of shop {} not evicted", shop, e);
        }
    }

    private String key(TenantId shop) {
        return keyPrefix + "entitlements:" + shop.value();
    }
}
