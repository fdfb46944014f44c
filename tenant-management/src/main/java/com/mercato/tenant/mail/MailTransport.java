package com.mercato.tenant.mail;

/** Where queued mails finally go: an SMTP server, or the local outbox of the embedded default. */
interface MailTransport {

    void deliver(OutgoingMail mail, java.time.Instant queuedAt);
}
