package com.mercato.tenant.mail;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured (the embedded default), mails are kept here so a newcomer can
 * follow an invitation or reset link from the {@code /dev/outbox} page. Only the newest are kept,
 * in memory: they hold live tokens and must not pile up anywhere.
 */
public final class LocalOutbox implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LocalOutbox.class);
    static final int CAPACITY = 200;

    private final Deque<KeptMail> mails = new ArrayDeque<>();
    private final boolean active;

    public LocalOutbox(boolean active) {
        this.active = active;
    }

    /** Whether mails go here at all (no SMTP server configured). */
    public boolean active() {
        return active;
    }

    @Override
    public synchronized void deliver(OutgoingMail mail, Instant queuedAt) {
        if (mails.size() == CAPACITY) {
            mails.removeLast();
        }
        mails.addFirst(new KeptMail(mail, queuedAt));
        log.info("Mail to {} kept in the local outbox (/dev/outbox): {}", mail.to(), mail.subject());
    }

    /** Newest first. */
    public synchronized List<KeptMail> recent() {
        return List.copyOf(mails);
    }

    public record KeptMail(OutgoingMail mail, Instant queuedAt) {
    }
}
