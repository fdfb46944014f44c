package com.mercato.billing.provider;

import java.util.List;
import java.util.Optional;

import com.mercato.core.money.Money;

/**
 * The payment provider port: Stripe in production, a local sandbox on the embedded default.
 * Every call may throw {@link PaymentProviderUnavailable}.
 */
public interface PaymentProvider {

    /** {@code stripe} or {@code sandbox}, stored with the subscription. */
    String name();

    CheckoutSession startCheckout(CheckoutRequest request);

    /** The customer portal (payment methods, invoices, cancellation; no plan switching). */
    String portalUrl(String customerId, String returnUrl);

    /** The subscription's current state, the source of truth whatever order events came in. */
    Optional<ProviderSubscription> subscription(String subscriptionId);

    /** What replacing the subscription's items would charge now, prorated. */
    Money previewChange(String subscriptionId, List<LineItem> items);

    /**
     * Replaces the subscription's items now: with {@code prorate}, the difference is invoiced at
     * once (an upgrade); without, the new prices apply from the next renewal (a due downgrade).
     */
    ProviderSubscription changeNow(String subscriptionId, List<LineItem> items, boolean prorate);

    Optional<ProviderInvoice> invoice(String invoiceId);

    /** Ends the subscription now, without a final invoice (we cancel shops that never paid). */
    ProviderSubscription cancel(String subscriptionId);
}
