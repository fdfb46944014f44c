package com.mercato.tenant.mail;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mails after their transaction commits, off the request thread. A failure leaves
 * the publication incomplete in the registry, and it is resubmitted later (see the outbox retry job).
 */
@Component
class MailDelivery {

    private final MailTransport transport;

    MailDelivery(MailTransport transport) {
        this.transport = transport;
    }

    @ApplicationModuleListener
    void on(MailQueued queued) {
        transport.deliver(queued.mail(), queued.queuedAt());
    }
}
