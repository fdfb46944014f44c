package com.mercato.tenant.session;

/**
 * How many sessions (devices) each member of a shop may have at once and what happens beyond
 * that. {@code maxSessionsPerMember} is already bounded by the plan ({@code planBound}).
 */
public record SessionPolicy(int maxSessionsPerMember, SessionOverflow overflow, int planBound) {

    /** For a person without any usable shop: the smallest plan's bound. */
    public static final SessionPolicy NO_SHOP = new SessionPolicy(2, SessionOverflow.END_OLDEST, 2);
}
