package com.mercato.tenant.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    @ConditionalOnMissingBean(Mailer.class)
    Mailer mailer() {
        return new LoggingMailer();
    }
}
