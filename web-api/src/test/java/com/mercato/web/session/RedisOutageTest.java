package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Poll;
import com.mercato.web.support.RedisProxy;

class RedisOutageTest extends IntegrationTest {

    @Test
    void aLoginWhileRedisIsDownIsA503AndNoSessionAndLoginsWorkWhenItReturns() {
        SignedUpShop shop = fixtures().shop();
        ApiClient client = anonymous();
        client.get("/login");  // the CSRF cookie, while Redis is still there
        RedisProxy redis = RedisProxy.get();
        ApiClient.Response during;
        ApiClient.Response apiDuring;
        try {
            redis.cut();
            during = client.logIn(shop.ownerEmail(), Fixtures.PASSWORD);
            apiDuring = shop.owner().get("/api/v1/shops/" + shop.slug());
        } finally {
            redis.restore();
        }

        assertThat(during.status()).as(during.toString()).isEqualTo(503);
        assertThat(during.problemType()).isEqualTo("/problems/service-unavailable");
        assertThat(during.header("Retry-After")).isNotBlank();
        assertThat(Integer.parseInt(during.header("Retry-After"))).isPositive();
        assertThat(during.header("Set-Cookie")).isNull();
        assertThat(apiDuring.status()).as("a request with a session: %s", apiDuring).isEqualTo(503);
        assertThat(apiDuring.problemType()).isEqualTo("/problems/service-unavailable");

        // Lettuce reconnects on its own, with a growing back-off
        Poll.until("logins work again", Duration.ofSeconds(45), () -> anonymous().logIn(shop.ownerEmail(), Fixtures.PASSWORD).status() == 200);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client.logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(200);
    }
}
