package com.mercato.tenant.lifecycle;

import java.time.Instant;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.shop.ShopStatus;

/** A shop moved in its lifecycle; {@code cause} names why (a Stripe event id, a job, an operator). */
public record ShopStatusChanged(TenantId shopId, ShopStatus from, ShopStatus to, String cause, Instant at) {
}
