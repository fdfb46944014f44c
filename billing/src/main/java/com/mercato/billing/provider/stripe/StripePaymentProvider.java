package com.mercato.billing.provider.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mercato.billing.provider.CheckoutRequest;
import com.mercato.billing.provider.CheckoutSession;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.PaymentProviderUnavailable;
import com.mercato.billing.provider.PriceKey;
import com.mercato.billing.provider.ProviderInvoice;
import com.mercato.billing.provider.ProviderSubscription;
import com.mercato.billing.provider.StripeProperties;
import com.mercato.billing.plan.BillingInterval;
import com.mercato.core.money.Money;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.billingportal.Configuration;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.ConfigurationListParams;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * The Stripe adapter (stripe-java, API version dahlia). Every POST carries an idempotency key:
 * derived from what it creates where a retry must not create twice (customers, prices), random
 * where each attempt is its own (checkout and portal sessions, plan changes). Prices are found
 * by lookup key and created when missing.
 */
public final class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;
    private static final String PORTAL_CONFIGURATION = "portal-v1";

    private final Map<String, String> priceIds = new ConcurrentHashMap<>();
    private volatile String portalConfigurationId;

    public StripePaymentProvider(StripeProperties properties) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setMaxNetworkRetries(properties.maxNetworkRetries());
        if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
            builder.setApiBase(properties.apiBase());
        }
        this.stripe = builder.build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        return call("start checkout", () -> {
            String customer = request.existingCustomerId() != null ? request.existingCustomerId() : createCustomer(request);
            SessionCreateParams.Builder params = SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .setCustomer(customer)
                    .setClientReferenceId(request.shop().value().toString())
                    .setSuccessUrl(request.successUrl())
                    .setCancelUrl(request.cancelUrl())
                    .putMetadata("tenant_id", request.shop().value().toString())
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                            .putMetadata("tenant_id", request.shop().value().toString())
                            .build());
            for (LineItem item : request.items()) {
                params.addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(priceId(item.price()))
                        .setQuantity(item.quantity())
                        .build());
            }
            var session = stripe.v1().checkout().sessions().create(params.build(), post(UUID.randomUUID().toString()));
            return new CheckoutSession(customer, session.getId(), session.getUrl());
        });
    }

    private String createCustomer(CheckoutRequest request) throws StripeException {
        // Keyed by shop: a retried checkout within Stripe's 24 hours gets the same customer back.
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail(request.ownerEmail())
                .setName(request.shopName())
                .putMetadata("tenant_id", request.shop().value().toString())
                .build(), post("customer-" + request.shop().value()));
        return customer.getId();
    }

    @Override
    public String portalUrl(String customerId, String returnUrl) {
        return call("open the customer portal", () -> stripe.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setConfiguration(portalConfiguration())
                        .setReturnUrl(returnUrl)
                        .build(), post(UUID.randomUUID().toString())).getUrl());
    }

    /**
     * Our own portal configuration, without plan switching: the account's default may allow it, and
     * every plan change must pass our checks (seats, contacts, channels) through {@code /subscription/change}.
     * Found by its metadata, so every node and restart shares one; created once when missing.
     */
    private String portalConfiguration() throws StripeException {
        String known = portalConfigurationId;
        if (known != null) {
            return known;
        }
        var existing = stripe.v1().billingPortal().configurations().list(ConfigurationListParams.builder().setActive(true).setLimit(100L).build());
        for (Configuration configuration : existing.getData()) {
            if (PORTAL_CONFIGURATION.equals(configuration.getMetadata().get("mercato"))) {
                portalConfigurationId = configuration.getId();
                return configuration.getId();
            }
        }
        Configuration created = stripe.v1().billingPortal().configurations().create(ConfigurationCreateParams.builder()
                .setName("Mercato")
                .putMetadata("mercato", PORTAL_CONFIGURATION)
                .setFeatures(ConfigurationCreateParams.Features.builder()
                        .setSubscriptionUpdate(ConfigurationCreateParams.Features.SubscriptionUpdate.builder().setEnabled(false).build())
                        .setSubscriptionCancel(ConfigurationCreateParams.Features.SubscriptionCancel.builder().setEnabled(true)
                                .setMode(ConfigurationCreateParams.Features.SubscriptionCancel.Mode.AT_PERIOD_END).build())
                        .setPaymentMethodUpdate(ConfigurationCreateParams.Features.PaymentMethodUpdate.builder().setEnabled(true).build())
                        .setInvoiceHistory(ConfigurationCreateParams.Features.InvoiceHistory.builder().setEnabled(true).build())
                        .build())
                .build(), post("mercato-portal-configuration-" + PORTAL_CONFIGURATION));
        log.info("Created the Stripe customer-portal configuration {} (no plan switching)", created.getId());
        portalConfigurationId = created.getId();
        return created.getId();
    }

    @Override
    public Optional<ProviderSubscription> subscription(String subscriptionId) {
        return call("read a subscription", () -> {
            try {
                return Optional.of(map(stripe.v1().subscriptions().retrieve(subscriptionId)));
            } catch (InvalidRequestException e) {
                if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Money previewChange(String subscriptionId, List<LineItem> items) {
        return call("preview a plan change", () -> {
            Subscription current = stripe.v1().subscriptions().retrieve(subscriptionId);
            InvoiceCreatePreviewParams.SubscriptionDetails.Builder details = InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                    .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE);
            for (SubscriptionItem existing : current.getItems().getData()) {
                details.addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                        .setId(existing.getId()).setDeleted(true).build());
            }
            for (LineItem item : items) {
                details.addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                        .setPrice(priceId(item.price())).setQuantity(item.quantity()).build());
            }
            // A preview creates nothing, but it is a POST: it gets its key like every other.
            Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                    .setCustomer(current.getCustomer())
                    .setSubscription(subscriptionId)
                    .setSubscriptionDetails(details.build())
                    .build(), post(UUID.randomUUID().toString()));
            return Money.of(preview.getAmountDue(), preview.getCurrency().toUpperCase());
        });
    }

    @Override
    public ProviderSubscription changeNow(String subscriptionId, List<LineItem> items, boolean prorate) {
        return call("change a subscription", () -> {
            Subscription current = stripe.v1().subscriptions().retrieve(subscriptionId);
            SubscriptionUpdateParams.Builder params = SubscriptionUpdateParams.builder()
                    .setProrationBehavior(prorate
                            ? SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE : SubscriptionUpdateParams.ProrationBehavior.NONE);
            for (SubscriptionItem existing : current.getItems().getData()) {
                params.addItem(SubscriptionUpdateParams.Item.builder().setId(existing.getId()).setDeleted(true).build());
            }
            for (LineItem item : items) {
                params.addItem(SubscriptionUpdateParams.Item.builder()
                        .setPrice(priceId(item.price())).setQuantity(item.quantity()).build());
            }
            return map(stripe.v1().subscriptions().update(subscriptionId, params.build(), post(UUID.randomUUID().toString())));
        });
    }

    @Override
    public Optional<ProviderInvoice> invoice(String invoiceId) {
        return call("read an invoice", () -> {
            Invoice invoice = stripe.v1().invoices().retrieve(invoiceId);
            String subscription = invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null
                    ? null : invoice.getParent().getSubscriptionDetails().getSubscription();
            return Optional.of(new ProviderInvoice(invoice.getId(), invoice.getCustomer(), subscription, invoice.getNumber(),
                    invoice.getStatus(), orZero(invoice.getAmountDue()), orZero(invoice.getAmountPaid()),
                    invoice.getCurrency() == null ? "HKD" : invoice.getCurrency().toUpperCase(),
                    instant(invoice.getPeriodStart()), instant(invoice.getPeriodEnd()), invoice.getHostedInvoiceUrl(),
                    instant(invoice.getCreated())));
        });
    }

    @Override
    public ProviderSubscription cancel(String subscriptionId) {
        return call("cancel a subscription", () -> map(stripe.v1().subscriptions().cancel(subscriptionId,
                com.stripe.param.SubscriptionCancelParams.builder().setInvoiceNow(false).setProrate(false).build(),
                post("cancel-" + subscriptionId))));
    }

    /** The price for this key: remembered, found by lookup key, or created (once, by its key). */
    private String priceId(PriceKey key) throws StripeException {
        String known = priceIds.get(key.lookupKey());
        if (known != null) {
            return known;
        }
        List<Price> found = stripe.v1().prices().list(PriceListParams.builder()
                .addLookupKey(key.lookupKey()).setActive(true).build()).getData();
        String id;
        if (!found.isEmpty()) {
            id = found.getFirst().getId();
        } else {
            id = stripe.v1().prices().create(PriceCreateParams.builder()
                    .setCurrency(key.amount().currency().toLowerCase())
                    .setUnitAmount(key.amount().amount())
                    .setLookupKey(key.lookupKey())
                    .setRecurring(PriceCreateParams.Recurring.builder()
                            .setInterval(key.interval() == BillingInterval.YEAR
                                    ? PriceCreateParams.Recurring.Interval.YEAR : PriceCreateParams.Recurring.Interval.MONTH)
                            .build())
                    .setProductData(PriceCreateParams.ProductData.builder().setName(key.productName()).build())
                    .build(), post("price-" + key.lookupKey())).getId();
            log.info("Created Stripe price {} for {}", id, key.lookupKey());
        }
        priceIds.put(key.lookupKey(), id);
        return id;
    }

    private static ProviderSubscription map(Subscription s) {
        List<SubscriptionItem> data = s.getItems() == null ? List.of() : s.getItems().getData();
        List<ProviderSubscription.Item> items = data.stream()
                .map(i -> new ProviderSubscription.Item(i.getId(), i.getPrice() == null ? null : i.getPrice().getLookupKey(),
                        i.getQuantity() == null ? 1 : i.getQuantity()))
                .toList();
        // Since API version basil, the billing period is per item; our items share one.
        Instant start = data.isEmpty() ? null : instant(data.getFirst().getCurrentPeriodStart());
        Instant end = data.isEmpty() ? null : instant(data.getFirst().getCurrentPeriodEnd());
        return new ProviderSubscription(s.getId(), s.getCustomer(), s.getStatus(), items, start, end,
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()));
    }

    private static RequestOptions post(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            // Never log the request: it may carry e-mails. Stripe's request id is enough to trace it.
            log.warn("Stripe failed to {}: status {}, request {}, {}", what, e.getStatusCode(), e.getRequestId(), e.getMessage());
            throw new PaymentProviderUnavailable("Stripe failed to " + what, e);
        }
    }
}
