package com.mercato.billing.provider.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.provider.CheckoutRequest;
import com.mercato.billing.provider.CheckoutSession;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.ProviderInvoice;
import com.mercato.billing.provider.ProviderSubscription;
import com.mercato.core.money.Money;

/**
 * The SANDBOX payment provider of the embedded default: nobody is charged. Checkout goes to a
 * local page ({@code /sandbox/checkout/{id}}); paying there creates the subscription here and
 * yields the events Stripe would send, which the caller feeds to the webhook inbox. State lives
 * in memory: a restart forgets sandbox subscriptions (the shop keeps its status).
 */
public final class SandboxPaymentProvider implements PaymentProvider {

    private final String publicUrl;
    private final Clock clock;
    private final Map<String, CheckoutRequest> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> sessionCustomers = new ConcurrentHashMap<>();
    private final Map<String, ProviderSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ProviderInvoice> invoices = new ConcurrentHashMap<>();

    public SandboxPaymentProvider(String publicUrl, Clock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        String customer = request.existingCustomerId() != null ? request.existingCustomerId() : "sbx_cus_" + id();
        String session = "sbx_cs_" + id();
        sessions.put(session, request);
        sessionCustomers.put(session, customer);
        return new CheckoutSession(customer, session, publicUrl + "/sandbox/checkout/" + session);
    }

    /** What the local checkout page shows. */
    public Optional<CheckoutRequest> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /**
     * Pays a sandbox checkout: creates an active subscription and a paid invoice, and returns the
     * events (as Stripe-shaped JSON) in the order Stripe sends them.
     */
    public List<String> pay(String sessionId) {
        CheckoutRequest request = sessions.remove(sessionId);
        if (request == null) {
            return List.of();
        }
        String customer = sessionCustomers.remove(sessionId);
        Instant now = clock.instant();
        Instant end = request.items().getFirst().price().interval() == BillingInterval.YEAR
                ? now.plus(365, ChronoUnit.DAYS) : now.plus(30, ChronoUnit.DAYS);
        List<ProviderSubscription.Item> items = new ArrayList<>();
        long total = 0;
        for (LineItem item : request.items()) {
            items.add(new ProviderSubscription.Item("sbx_si_" + id(), item.price().lookupKey(), item.quantity()));
            total += item.price().amount().amount() * item.quantity();
        }
        String subscription = "sbx_sub_" + id();
        subscriptions.put(subscription, new ProviderSubscription(subscription, customer, "active", items, now, end, false));
        String invoice = "sbx_in_" + id();
        invoices.put(invoice, new ProviderInvoice(invoice, customer, subscription, "SBX-" + invoice.substring(7, 15).toUpperCase(),
                "paid", total, total, request.items().getFirst().price().amount().currency(), now, end, null, now));
        long created = now.getEpochSecond();
        return List.of(
                event("checkout.session.completed", created, """
                        {"id":"%s","object":"checkout.session","customer":"%s","subscription":"%s","client_reference_id":"%s","mode":"subscription","status":"complete"}"""
                        .formatted(sessionId, customer, subscription, request.shop().value())),
                event("customer.subscription.created", created, """
                        {"id":"%s","object":"subscription","customer":"%s","status":"active"}""".formatted(subscription, customer)),
                event("invoice.paid", created, """
                        {"id":"%s","object":"invoice","customer":"%s","status":"paid","parent":{"type":"subscription_details","subscription_details":{"subscription":"%s"}}}"""
                        .formatted(invoice, customer, subscription)));
    }

    @Override
    public String portalUrl(String customerId, String returnUrl) {
        // There is no sandbox portal: the owner comes straight back.
        return returnUrl;
    }

    @Override
    public Optional<ProviderSubscription> subscription(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    @Override
    public Money previewChange(String subscriptionId, List<LineItem> items) {
        long total = items.stream().mapToLong(i -> i.price().amount().amount() * i.quantity()).sum();
        return Money.of(total, items.getFirst().price().amount().currency());
    }

    @Override
    public ProviderSubscription changeNow(String subscriptionId, List<LineItem> items, boolean prorate) {
        ProviderSubscription current = subscriptions.get(subscriptionId);
        if (current == null) {
            throw new IllegalStateException("No sandbox subscription " + subscriptionId);
        }
        ProviderSubscription changed = new ProviderSubscription(current.id(), current.customerId(), current.status(),
                items.stream().map(i -> new ProviderSubscription.Item("sbx_si_" + id(), i.price().lookupKey(), i.quantity())).toList(),
                current.periodStart(), current.periodEnd(), current.cancelAtPeriodEnd());
        subscriptions.put(subscriptionId, changed);
        return changed;
    }

    @Override
    public Optional<ProviderInvoice> invoice(String invoiceId) {
        return Optional.ofNullable(invoices.get(invoiceId));
    }

    @Override
    public ProviderSubscription cancel(String subscriptionId) {
        return subscriptions.computeIfPresent(subscriptionId, (id, s) -> new ProviderSubscription(s.id(), s.customerId(), "canceled",
                s.items(), s.periodStart(), s.periodEnd(), false));
    }

    private static String event(String type, long created, String object) {
        return """
                {"id":"evt_sbx_%s","object":"event","type":"%s","created":%d,"livemode":false,"data":{"object":%s}}"""
                .formatted(id(), type, created, object);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
