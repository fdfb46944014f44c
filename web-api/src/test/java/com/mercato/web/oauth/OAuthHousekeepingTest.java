package com.mercato.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.oauth.keys.SigningKeys;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.IntegrationTest;

class OAuthHousekeepingTest extends IntegrationTest {

    @Autowired
    OAuthHousekeeping housekeeping;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void spentClientCredentialsAuthorizationsAreSweptAndLiveOnesKept() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "Sync"));
        String clientId = created.json().path("clientId").asString();
        String secret = created.json().path("clientSecret").asString();
        String registeredId = created.json().path("id").asString();
        new TokenEndpoint(port).clientCredentials(clientId, secret);

        housekeeping.sweepAuthorizations();
        int whileLive = count(registeredId);
        clock.advance(Duration.ofMinutes(6));
        housekeeping.sweepAuthorizations();

        assertThat(whileLive).isEqualTo(1);
        assertThat(count(registeredId)).isZero();
    }

    @Test
    void signingKeyRotatesOnceItIsOlderThanItsMaximumAge() {
        String before = signingKeys.activeKey().getKeyID();

        Duration maxAge = Duration.ofSeconds(30);
        signingKeys.rotate();
        boolean early = signingKeys.rotateIfOlderThan(maxAge);
        clock.advance(maxAge.plusSeconds(1));
        boolean due = signingKeys.rotateIfOlderThan(maxAge);
        boolean again = signingKeys.rotateIfOlderThan(maxAge);

        assertThat(early).isFalse();
        assertThat(due).isTrue();
        assertThat(again).as("another node arriving just after finds a fresh key").isFalse();
        assertThat(signingKeys.activeKey().getKeyID()).isNotEqualTo(before);
    }

    private int count(String registeredClientId) {
        return jdbc.sql("SELECT count(*) FROM public.oauth2_authorization WHERE registered_client_id = ?")
                .param(registeredClientId).query(Integer.class).single();
    }
}
