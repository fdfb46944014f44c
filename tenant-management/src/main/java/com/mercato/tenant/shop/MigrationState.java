package com.mercato.tenant.shop;

/** Whether a shop's schema is at the latest tenant changelog. */
public enum MigrationState {
    PENDING, CURRENT, FAILED
}
