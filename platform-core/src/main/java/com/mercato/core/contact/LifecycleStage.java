package com.mercato.core.contact;

/** Where a contact stands with the shop. */
public enum LifecycleStage {
    LEAD, PROSPECT, CUSTOMER, REPEAT_CUSTOMER, INACTIVE
}
