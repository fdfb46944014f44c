package com.mercato.billing.invoice;

import java.time.Instant;

import com.mercato.core.money.Money;

/** An invoice mirrored from the payment provider. */
public record Invoice(String id, String number, String status, Money amountDue, Money amountPaid, Instant periodStart,
                      Instant periodEnd, String hostedInvoiceUrl, Instant createdAt) {
}
