package com.mercato.tenant.audit;

import java.util.Map;

import com.mercato.core.tenancy.TenantId;

/**
 * One thing that happened: what ({@code action}, such as {@code member.login}), to which shop
 * (if any), by whom, and why ({@code cause}: a Stripe event id, a job, an operator's reason).
 * Details must never hold secrets, tokens or passwords.
 */
public record AuditEntry(TenantId tenant, ActorType actorType, String actorId, String action, String cause,
                         Map<String, Object> details, String ip) {

    public enum ActorType {
        USER, OPERATOR, SYSTEM, STRIPE, CLIENT
    }

    public static AuditEntry system(TenantId tenant, String action, String cause) {
        return new AuditEntry(tenant, ActorType.SYSTEM, null, action, cause, Map.of(), null);
    }
}
