package com.mercato.tenant.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Queues mails through the outbox; the caller's transaction decides whether they go. */
class QueuedMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(QueuedMailer.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    QueuedMailer(ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        // Joins the caller's transaction, or opens one so the publication is stored before delivery.
        transactions.executeWithoutResult(status -> events.publishEvent(new MailQueued(mail, clock.instant())));
        log.info("Mail to {} queued, sent once its transaction commits: {}", mail.to(), mail.subject());
    }
}
