package com.mercato.web.production;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Under the {@code prod} profile, refuses to start on anything the embedded default would
 * otherwise fill in: an external database, Redis, Stripe keys, an SMTP server and a public URL must be given.
 * Runs before any bean, so no embedded server is started by mistake first.
 */
public final class ProductionGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            List<String> missing = missingSettings(environment);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The prod profile needs these settings, which are missing: " + String.join(", ", missing));
            }
        }
    }

    static List<String> missingSettings(Environment environment) {
        List<String> missing = new ArrayList<>();
        require(environment, missing, "SPRING_DATASOURCE_URL", "spring.datasource.url");
        require(environment, missing, "SPRING_DATA_REDIS_URL", "spring.data.redis.url");
        require(environment, missing, "STRIPE_SECRET_KEY", "stripe.secret-key");
        require(environment, missing, "STRIPE_WEBHOOK_SECRET", "stripe.webhook-secret");
        // Without SMTP, mails would only reach the in-memory local outbox: invitations would never arrive.
        require(environment, missing, "SPRING_MAIL_HOST", "spring.mail.host");
        // mercato.public-url has a localhost default for the embedded platform; production must say its own.
        if (!hasText(environment.getProperty("MERCATO_PUBLIC_URL"))) {
            missing.add("MERCATO_PUBLIC_URL");
        }
        return missing;
    }

    private static void require(Environment environment, List<String> missing, String variable, String property) {
        if (!hasText(environment.getProperty(property)) && !hasText(environment.getProperty(variable))) {
            missing.add(variable);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
