package com.mercato.tenant.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Placeholder until SMTP and the local outbox exist: says that a mail was queued and to whom, never its body. */
class LoggingMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

    @Override
    public void send(OutgoingMail mail) {
        log.info("Mail queued to {}: {}", mail.to(), mail.subject());
    }
}
