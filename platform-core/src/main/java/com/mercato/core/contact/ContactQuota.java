package com.mercato.core.contact;

import com.mercato.core.tenancy.TenantId;

/**
 * How many contacts a shop may keep: a port, because only billing knows plans. The implementation
 * throws a problem (402, naming the limit and the plan that lifts it) when {@code adding} more
 * contacts to the {@code current} ones would exceed the shop's limit.
 */
public interface ContactQuota {

    void requireRoom(TenantId shop, long current, long adding);
}
