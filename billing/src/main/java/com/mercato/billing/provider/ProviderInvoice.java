package com.mercato.billing.provider;

import java.time.Instant;

/** An invoice as the provider has it now. */
public record ProviderInvoice(String id, String customerId, String subscriptionId, String number, String status,
                              long amountDue, long amountPaid, String currency, Instant periodStart, Instant periodEnd,
                              String hostedInvoiceUrl, Instant created) {
}
