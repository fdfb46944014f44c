package com.mercato.tenant.mail;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Hands mails to the SMTP server that {@code spring.mail.*} names. */
class SmtpTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void deliver(OutgoingMail mail, Instant queuedAt) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.textBody());
        sender.send(message);
        log.info("Mail sent to {}: {}", mail.to(), mail.subject());
    }
}
