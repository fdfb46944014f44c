package com.mercato.web.ops;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import com.mercato.billing.webhook.WebhookEvents;
import com.mercato.billing.webhook.WebhookWorker;

/**
 * Operators' view of the payment-provider webhook inbox: counts per state, the dead letters, and a
 * retry of one. JMX only until the admin console gives it an operator login.
 */
@Component
@Endpoint(id = "webhookevents")
class WebhookEventsEndpoint {

    private final WebhookEvents events;
    private final WebhookWorker worker;

    WebhookEventsEndpoint(WebhookEvents events, WebhookWorker worker) {
        this.events = events;
        this.worker = worker;
    }

    @ReadOperation
    Map<String, Object> inbox() {
        return Map.of("counts", events.countsByStatus(), "dead", events.dead(100));
    }

    @WriteOperation
    Map<String, Object> retry(String eventId) {
        return Map.of("eventId", eventId, "requeued", worker.retry(eventId));
    }
}
