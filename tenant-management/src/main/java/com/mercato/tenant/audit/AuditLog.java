package com.mercato.tenant.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/** Appends to the platform's audit log, in the caller's transaction when there is one. */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO public.audit_log (id, occurred_at, tenant_id, actor_type, actor_id, action, cause, details, ip)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(UUID.randomUUID(), Timestamp.from(clock.instant()),
                        entry.tenant() == null ? null : entry.tenant().value(),
                        entry.actorType().name(), entry.actorId(), entry.action(), entry.cause(),
                        JSON.writeValueAsString(entry.details() == null ? java.util.Map.of() : entry.details()), entry.ip())
                .update();
    }
}
