package com.mercato.billing.provider;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;

import com.mercato.billing.provider.sandbox.SandboxPaymentProvider;
import com.mercato.billing.provider.stripe.StripePaymentProvider;

/** Stripe when a secret key is configured, else the sandbox, clearly labelled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentProviderConfiguration.class);

    @Bean
    PaymentProvider paymentProvider(StripeProperties stripe, @Value("${mercato.public-url:http://localhost:8080}") String publicUrl,
                                    Clock clock) {
        if (stripe.configured()) {
            log.info("Payments go to Stripe{}", stripe.apiBase() == null ? "" : " at " + stripe.apiBase());
            return new StripePaymentProvider(stripe);
        }
        log.warn("No STRIPE_SECRET_KEY: payments use the SANDBOX provider; nobody is charged");
        return new SandboxPaymentProvider(publicUrl, clock);
    }

    /** Production takes real money only: it refuses to start on the sandbox. */
    @Bean
    @Profile("prod")
    InitializingBean stripeKeysRequiredInProduction(StripeProperties stripe) {
        return () -> {
            if (!stripe.configured() || stripe.webhookSecret() == null || stripe.webhookSecret().isBlank()) {
                throw new IllegalStateException(
                        "The prod profile needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET; refusing to start on the sandbox payment provider");
            }
        };
    }
}
