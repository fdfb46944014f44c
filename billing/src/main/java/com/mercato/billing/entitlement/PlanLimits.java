package com.mercato.billing.entitlement;

/**
 * What a shop may have now, from its plan version, extra seats and status; {@code null} means
 * unlimited. This is the part that is cached: it changes only when the subscription or the
 * shop's status does, and every such change evicts it.
 */
public record PlanLimits(
        String plan,
        int planVersion,
        String status,
        boolean serving,
        int seats,
        Integer contacts,
        Integer channels,
        Integer autoReplyRules,
        Integer broadcastRecipientsPerMonth,
        boolean apiAccess,
        int sessionsPerMember) {
}
