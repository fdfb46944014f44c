package com.mercato.tenant.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** SMTP when {@code spring.mail.host} is set (Boot then makes a JavaMailSender), else the local outbox. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new QueuedMailer(events, transactions, clock);
    }

    @Bean
    LocalOutbox localOutbox(@Value("${spring.mail.host:}") String smtpHost) {
        return new LocalOutbox(smtpHost.isBlank());
    }

    @Bean
    @Primary // the outbox is a transport too, but this one chooses between it and SMTP
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, LocalOutbox outbox,
                                @Value("${mercato.mail.from:Mercato <no-reply@mercato.local>}") String from) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender == null || outbox.active() ? outbox : new SmtpTransport(sender, from);
    }
}
