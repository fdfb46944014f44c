package com.mercato.billing.entitlement;

/** What a shop may do now and how much of it is used. A {@code null} limit is unlimited. */
public record Entitlements(
        String plan,
        int planVersion,
        String status,
        Usage seats,
        Usage contacts,
        Usage channels,
        Usage autoReplyRules,
        Usage broadcastRecipientsThisMonth,
        boolean apiAccess,
        int sessionsPerMember) {

    public record Usage(Integer limit, long used) {

        /** What is left, {@code null} when unlimited; never below zero (a downgrade may leave a shop over). */
        public Long available() {
            return limit == null ? null : Math.max(0, limit - used);
        }

        public boolean allows(long more) {
            return limit == null || used + more <= limit;
        }
    }
}
