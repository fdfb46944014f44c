package com.mercato.web.ops;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mercato.core.scheduling.ClusterLock;

/**
 * Redelivers outbox events whose listener failed (SMTP down, say): Spring Modulith keeps them
 * incomplete in the publication registry, and only republishes on restart unless asked. One node
 * at a time, so a mail is not handed to two SMTP connections at once by two nodes.
 */
@Component
class OutboxRetry {

    private final IncompleteEventPublications incomplete;
    private final ClusterLock lock;
    private final Duration retryAfter;

    // Long enough that a delivery still in flight is not handed out a second time.
    OutboxRetry(IncompleteEventPublications incomplete, ClusterLock lock,
                @Value("${mercato.outbox.retry-after:PT2M}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.lock = lock;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${mercato.outbox.retry-interval:PT1M}", initialDelayString = "${mercato.outbox.retry-interval:PT1M}")
    void resubmitFailed() {
        lock.runExclusively("outbox-retry", () -> incomplete.resubmitIncompletePublicationsOlderThan(retryAfter));
    }
}
