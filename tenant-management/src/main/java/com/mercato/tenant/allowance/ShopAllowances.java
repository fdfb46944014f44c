package com.mercato.tenant.allowance;

import com.mercato.core.tenancy.TenantId;

/**
 * What a shop's plan allows that tenant-management enforces: seats, sessions per member,
 * API access. A port: tenant-management asks, billing (which knows plans and subscriptions)
 * answers. Implementations must read fresh enough data that a plan change applies at once.
 */
public interface ShopAllowances {

    Allowance of(TenantId shop);

    /**
     * Whether the plan includes API access, asked on every request made with an access token. A
     * feature switch rather than a count the database must decide, so it may come from a cache that
     * every plan change evicts.
     */
    default boolean apiAccess(TenantId shop) {
        return of(shop).apiAccess();
    }

    /**
     * How the shop can get more seats, as words that finish "Free a seat, or get more: ..."
     * (which of extra seats and larger plans its plan offers). Only asked when a seat is refused.
     */
    default String howToGetMoreSeats(TenantId shop) {
        return "buy extra seats or upgrade the plan";
    }

    /** {@code seats} is the total: plan seats plus extra seats bought. */
    record Allowance(int seats, int sessionsPerMember, boolean apiAccess) {
    }
}
