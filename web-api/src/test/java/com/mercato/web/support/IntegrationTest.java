package com.mercato.web.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mercato.testsupport.MercatoTestProperties;
import com.mercato.testsupport.MutableClock;
import com.mercato.web.support.stripe.FakeStripe;

/**
 * Base of every test that runs the whole application. All of them share one context
 * configuration — do not add per-class properties, mocks or profiles, or the application
 * starts again for that class. Tests that move the clock put it back after themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTestConfiguration.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        MercatoTestProperties.register(registry);
        // Redis through a proxy a test can cut, to see the application without Redis (RedisProxy)
        registry.add("spring.data.redis.url", () -> RedisProxy.get().url());
        // Client addresses from X-Forwarded-For, as behind a load balancer: all tests come from
        // 127.0.0.1, and tests of per-address limits need addresses of their own.
        registry.add("server.forward-headers-strategy", () -> "native");
        // Billing talks to a local fake of Stripe's API (one per JVM), with short timeouts so a
        // stalled Stripe fails a test in seconds.
        registry.add("stripe.secret-key", () -> FakeStripe.SECRET_KEY);
        registry.add("stripe.webhook-secret", () -> FakeStripe.WEBHOOK_SECRET);
        registry.add("stripe.api-base", () -> FakeStripe.get().url());
        registry.add("stripe.read-timeout", () -> "PT2S");
        registry.add("stripe.max-network-retries", () -> "0");
        registry.add("mercato.billing.webhook-poll-interval", () -> "PT1S");
        // OAuth2: a fixed issuer (the port is random) and a fixed key-encryption key for signing keys
        registry.add("mercato.oauth.issuer", () -> "http://localhost");
        registry.add("mercato.key-encryption-key", () -> "q8s8cX1sK0m3m2yQyC9b3rXh2zYp0m6nJ4t7w1v5u8A=");
        // Mails go over SMTP to a real server in this JVM (Mailbox).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", Mailbox::smtpPort);
        // Every request's access time is stored, so tests of "least recently used" can tell apart
        // requests a few milliseconds apart; TouchThrottlingSessionRepositoryTest covers the throttle.
        registry.add("mercato.session.touch-interval", () -> "PT0S");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected ApiClient anonymous() {
        return new ApiClient("http://localhost:" + port);
    }

    protected Mailbox mailbox() {
        return new Mailbox();
    }

    protected Fixtures fixtures() {
        return new Fixtures(this::anonymous);
    }
}
