package com.mercato.tenant.shop;

/** Where a shop stands in its lifecycle (see the architecture's lifecycle table). */
public enum ShopStatus {
    PROVISIONING, TRIALING, ACTIVE, PAST_DUE, SUSPENDED, CANCELLED, PURGED;

    /** Whether members may use the shop at all (billing may still restrict what they do). */
    public boolean isServing() {
        return this != PROVISIONING && this != PURGED;
    }
}
