package com.mercato.billing.provider;

import java.util.List;

import com.mercato.core.tenancy.TenantId;

/** What the owner is about to pay for, and where the provider's page sends them back. */
public record CheckoutRequest(TenantId shop, String shopName, String ownerEmail, String existingCustomerId,
                              List<LineItem> items, String successUrl, String cancelUrl) {
}
