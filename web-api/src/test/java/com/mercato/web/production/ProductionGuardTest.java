package com.mercato.web.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

    @Test
    void prodRefusesToStartWithoutExternalServicesStripeSmtpAndPublicUrl() {
        GenericApplicationContext context = contextWith(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/mercato"));
        context.getEnvironment().setActiveProfiles("prod");

        assertThatThrownBy(() -> new ProductionGuard().initialize(context))
                .hasMessageContaining("SPRING_DATA_REDIS_URL")
                .hasMessageContaining("STRIPE_SECRET_KEY")
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET")
                .hasMessageContaining("MERCATO_PUBLIC_URL")
                .hasMessageContaining("SPRING_MAIL_HOST")
                .hasMessageNotContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void prodStartsWhenEverythingIsGiven() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/mercato")
                .withProperty("SPRING_DATA_REDIS_URL", "redis://cache:6379")
                .withProperty("STRIPE_SECRET_KEY", "sk_live_x")
                .withProperty("STRIPE_WEBHOOK_SECRET", "whsec_x")
                .withProperty("SPRING_MAIL_HOST", "smtp.mercato.example")
                .withProperty("MERCATO_PUBLIC_URL", "https://app.mercato.example");

        assertThat(ProductionGuard.missingSettings(environment)).isEmpty();
    }

    @Test
    void withoutProdTheEmbeddedDefaultNeedsNothing() {
        GenericApplicationContext context = contextWith(new MockEnvironment());

        new ProductionGuard().initialize(context);

        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
    }

    private static GenericApplicationContext contextWith(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        return context;
    }
}
