package com.mercato.tenant.lifecycle;

import java.util.Objects;

import com.mercato.tenant.audit.AuditEntry;

/** Who or what moves a shop, as the audit log records it: a Stripe event, a scheduled job, an operator. */
public record Cause(AuditEntry.ActorType actorType, String actorId, String reason) {

    public Cause {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(reason, "reason");
    }

    public static Cause stripeEvent(String eventId) {
        return new Cause(AuditEntry.ActorType.STRIPE, null, eventId);
    }

    public static Cause job(String jobName) {
        return new Cause(AuditEntry.ActorType.SYSTEM, jobName, "job:" + jobName);
    }

    public static Cause operator(String operatorId, String reason) {
        return new Cause(AuditEntry.ActorType.OPERATOR, operatorId, reason);
    }

    public static Cause system(String reason) {
        return new Cause(AuditEntry.ActorType.SYSTEM, null, reason);
    }
}
