package com.mercato.billing.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes stored events. Each event is handled in its own transaction that holds an advisory
 * lock on the event's ordering key (its subscription, else its customer), so two events of one
 * subscription never run at once, on any node, while different subscriptions go in parallel.
 * A failure rolls the work back and reschedules the event with exponential backoff; after
 * {@value #MAX_ATTEMPTS} attempts it is DEAD until an operator retries it.
 */
@Component
public class WebhookWorker implements DisposableBean {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int PARALLEL_DRAINS = 4;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StripeEventHandler handler;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore drains = new Semaphore(PARALLEL_DRAINS);

    WebhookWorker(JdbcClient jdbc, TransactionTemplate transactions, StripeEventHandler handler, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.handler = handler;
        this.clock = clock;
    }

    /** Starts a drain in the background if fewer than a few run already (called after each new event). */
    void nudge() {
        if (drains.tryAcquire()) {
            executor.submit(() -> {
                try {
                    drain();
                } catch (RuntimeException e) {
                    log.error("Webhook drain failed", e);
                } finally {
                    drains.release();
                }
            });
        }
    }

    /** Catches what nudges missed: retries that came due, events stored while every drain was busy. */
    @Scheduled(fixedDelayString = "${mercato.billing.webhook-poll-interval:PT5S}")
    public void poll() {
        nudge();
    }

    /** Processes every event due now; returns how many it handled (tests call it after moving the clock). */
    public int drain() {
        int handled = 0;
        while (true) {
            List<Candidate> due = jdbc.sql("""
                            SELECT id, coalesce(ordering_key, id) FROM public.webhook_events
                            WHERE status = 'PENDING' AND next_attempt_at <= ?
                            ORDER BY received_at, id LIMIT 50""")
                    .param(Timestamp.from(clock.instant()))
                    .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2)))
                    .list();
            int round = 0;
            for (Candidate candidate : due) {
                if (processOne(candidate)) {
                    round++;
                }
            }
            handled += round;
            if (round == 0) {
                return handled;
            }
        }
    }

    /** Operators' retry of a DEAD (or any unfinished) event. */
    public boolean retry(String eventId) {
        int updated = jdbc.sql("""
                        UPDATE public.webhook_events SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL
                        WHERE id = ? AND status IN ('DEAD', 'PENDING')""")
                .params(Timestamp.from(clock.instant()), eventId)
                .update();
        if (updated == 1) {
            nudge();
        }
        return updated == 1;
    }

    private record Candidate(String id, String key) {
    }

    private boolean processOne(Candidate candidate) {
        Boolean done = transactions.execute(status -> {
            boolean keyFree = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 7))")
                    .param("webhook:" + candidate.key()).query(Boolean.class).single();
            if (!keyFree) {
                return false;
            }
            Optional<StoredEvent> event = jdbc.sql("""
                            SELECT id, type, payload, attempts FROM public.webhook_events
                            WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED""")
                    .params(candidate.id(), Timestamp.from(clock.instant()))
                    .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .optional();
            if (event.isEmpty()) {
                return false;
            }
            // The failure is recorded in the same transaction, under the same locks, so no other
            // worker can pick the event up between the failure and its rescheduling.
            Object savepoint = status.createSavepoint();
            try {
                StripeEventHandler.Outcome outcome = handler.handle(event.get());
                jdbc.sql("UPDATE public.webhook_events SET status = ?, tenant_id = ?, processed_at = ?, attempts = attempts + 1 WHERE id = ?")
                        .params(outcome.processed() ? "PROCESSED" : "IGNORED", outcome.tenant(), Timestamp.from(clock.instant()),
                                candidate.id())
                        .update();
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(savepoint);
                recordFailure(event.get(), e);
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private void recordFailure(StoredEvent event, RuntimeException e) {
        int attempts = event.attempts() + 1;
        boolean dead = attempts >= MAX_ATTEMPTS;
        Duration backoff = Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts, 10)));
        jdbc.sql("UPDATE public.webhook_events SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, dead ? "DEAD" : "PENDING", Timestamp.from(clock.instant().plus(backoff)),
                        String.valueOf(e.getMessage()), event.id())
                .update();
        if (dead) {
            log.error("Webhook event {} is DEAD after {} attempts", event.id(), attempts, e);
        } else {
            log.warn("Webhook event {} failed (attempt {}), retried in {}", event.id(), attempts, backoff, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

}
