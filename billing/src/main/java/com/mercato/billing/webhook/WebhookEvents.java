package com.mercato.billing.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What operators see of the webhook inbox: how many events are in each state, and the dead letters. */
@Service
public class WebhookEvents {

    private final JdbcClient jdbc;

    WebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DeadEvent(String id, String type, int attempts, String lastError, Instant receivedAt) {
    }

    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new TreeMap<>(Map.of("PENDING", 0L, "PROCESSED", 0L, "IGNORED", 0L, "DEAD", 0L));
        jdbc.sql("SELECT status, count(*) FROM public.webhook_events GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The newest dead letters first; an operator retries them once the cause is fixed. */
    public List<DeadEvent> dead(int limit) {
        return jdbc.sql("""
                        SELECT id, type, attempts, last_error, received_at FROM public.webhook_events
                        WHERE status = 'DEAD' ORDER BY received_at DESC LIMIT ?""")
                .param(Math.clamp(limit, 1, 500))
                .query((rs, n) -> new DeadEvent(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
