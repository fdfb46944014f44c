package com.mercato.tenant.provisioning;

import java.util.UUID;

import com.mercato.core.tenancy.TenantId;

/** A new shop's schema exists and its owner can log in. */
public record ShopProvisioned(TenantId shopId, String slug, String planCode, String billingInterval, UUID ownerId) {
}
