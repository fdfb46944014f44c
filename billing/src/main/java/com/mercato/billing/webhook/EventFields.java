package com.mercato.billing.webhook;

import tools.jackson.databind.JsonNode;

/** Where the interesting ids sit in each kind of Stripe event object (API version dahlia). */
final class EventFields {

    private EventFields() {
    }

    static String subscription(String type, JsonNode object) {
        if (type.startsWith("customer.subscription.")) {
            return text(object.path("id"));
        }
        if (type.startsWith("invoice.")) {
            // Since basil, an invoice names its subscription under parent.subscription_details.
            return text(object.path("parent").path("subscription_details").path("subscription"));
        }
        if (type.equals("checkout.session.completed")) {
            return text(object.path("subscription"));
        }
        return null;
    }

    static String customer(JsonNode object) {
        return text(object.path("customer"));
    }

    /** Events of one subscription (else one customer) are processed one at a time. */
    static String orderingKey(String type, JsonNode object) {
        String subscription = subscription(type, object);
        return subscription != null ? subscription : customer(object);
    }

    static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
