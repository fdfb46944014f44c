package com.mercato.tenant.lifecycle;

import java.time.Instant;

import com.mercato.core.tenancy.TenantId;

/** An operator put a shop on hold ({@code reason} set) or lifted the hold ({@code reason} null). */
public record ShopHoldChanged(TenantId shopId, String reason, String operator, Instant at) {
}
