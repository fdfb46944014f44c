package com.mercato.billing.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mercato.billing.invoice.Invoices;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.ProviderInvoice;
import com.mercato.billing.provider.ProviderSubscription;
import com.mercato.billing.subscription.Subscription;
import com.mercato.billing.subscription.SubscriptionSync;
import com.mercato.billing.subscription.Subscriptions;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.lifecycle.Cause;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one stored event into changes. The payload only says which subscription (and invoice)
 * to look at; what to do follows from their current state at the provider, fetched now, so a
 * late, early or repeated event cannot roll a shop back. Events for customers we do not know
 * change nothing.
 */
@Component
class StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HANDLED = Set.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused",
            "customer.subscription.resumed", "customer.subscription.trial_will_end", "invoice.paid",
            "invoice.payment_succeeded", "invoice.payment_failed", "invoice.payment_action_required");
    private static final Set<String> LIVE = Set.of("active", "trialing", "past_due", "unpaid", "paused");

    private final Subscriptions subscriptions;
    private final PaymentProvider provider;
    private final SubscriptionSync sync;
    private final Invoices invoices;

    StripeEventHandler(Subscriptions subscriptions, PaymentProvider provider, SubscriptionSync sync, Invoices invoices) {
        this.subscriptions = subscriptions;
        this.provider = provider;
        this.sync = sync;
        this.invoices = invoices;
    }

    record Outcome(boolean processed, UUID tenant) {
        static Outcome ignored() {
            return new Outcome(false, null);
        }
    }

    Outcome handle(StoredEvent event) {
        if (!HANDLED.contains(event.type())) {
            return Outcome.ignored();
        }
        JsonNode object = JSON.readTree(event.payload()).path("data").path("object");
        String customer = EventFields.customer(object);
        String subscriptionId = EventFields.subscription(event.type(), object);
        Optional<Subscription> ours = shopOf(event.type(), object, customer);
        if (ours.isEmpty()) {
            log.info("Event {} ({}) is for customer {} whom no shop has: stored and ignored", event.id(), event.type(), customer);
            return Outcome.ignored();
        }
        TenantId shop = ours.get().tenantId();
        Cause cause = Cause.stripeEvent(event.id());
        Optional<ProviderInvoice> invoice = Optional.empty();
        if (event.type().startsWith("invoice.")) {
            invoice = provider.invoice(EventFields.text(object.path("id")));
            invoice.ifPresent(i -> invoices.mirror(shop, i));
        }
        if (subscriptionId == null) {
            return new Outcome(true, shop.value());
        }
        Subscription row = ours.get();
        if (row.subscriptionId() != null && !row.subscriptionId().equals(subscriptionId) && LIVE.contains(row.providerStatus())) {
            // An old subscription's news must not overwrite the shop's current, live one.
            log.info("Event {} is for subscription {}, not shop {}'s current {}: ignored", event.id(), subscriptionId, shop,
                    row.subscriptionId());
            return new Outcome(true, shop.value());
        }
        Optional<ProviderSubscription> current = provider.subscription(subscriptionId);
        if (current.isEmpty()) {
            log.warn("Event {} names subscription {}, which the provider does not know", event.id(), subscriptionId);
            return Outcome.ignored();
        }
        if (!Objects.equals(current.get().customerId(), row.customerId()) && row.customerId() != null) {
            log.warn("Subscription {} belongs to customer {}, not shop {}'s: ignored", subscriptionId, current.get().customerId(), shop);
            return Outcome.ignored();
        }
        boolean unpaidInvoice = (event.type().equals("invoice.payment_failed") || event.type().equals("invoice.payment_action_required"))
                && invoice.map(i -> "open".equals(i.status())).orElse(false);
        sync.apply(shop, current.get(), unpaidInvoice, cause);
        return new Outcome(true, shop.value());
    }

    /**
     * The shop by its customer; a completed checkout may also name it by our reference, which
     * links a customer the shop had not recorded yet (never one linked to another shop).
     */
    private Optional<Subscription> shopOf(String type, JsonNode object, String customer) {
        if (customer == null) {
            return Optional.empty();
        }
        Optional<Subscription> known = subscriptions.byCustomer(customer);
        if (known.isPresent() || !type.equals("checkout.session.completed")) {
            return known;
        }
        String reference = EventFields.text(object.path("client_reference_id"));
        if (reference == null) {
            return Optional.empty();
        }
        TenantId tenant;
        try {
            tenant = new TenantId(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return subscriptions.of(tenant)
                .filter(s -> s.customerId() == null)
                .map(s -> {
                    subscriptions.linkCustomer(tenant, provider.name(), customer);
                    return subscriptions.of(tenant).orElseThrow();
                });
    }
}
