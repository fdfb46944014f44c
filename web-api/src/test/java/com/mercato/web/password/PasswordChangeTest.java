package com.mercato.web.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

class PasswordChangeTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "changed-secret-2026";

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOneUnderANewId() {
        SignedUpShop shop = fixtures().shop();
        ApiClient other = anonymous();
        assertThat(other.logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
        String cookieBefore = shop.owner().cookie("SESSION");

        ApiClient.Response changed = shop.owner().post("/api/v1/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("otherSessionsEnded").asInt()).isEqualTo(1);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(shop.owner().cookie("SESSION")).isNotEqualTo(cookieBefore);
        assertThat(anonymous().logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(anonymous().logIn(shop.ownerEmail(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audit_log WHERE action = 'password.changed' AND actor_id = ?")
                .param(shop.owner().get("/api/v1/me").json().path("id").asString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response refused = shop.owner().post("/api/v1/me/password",
                Map.of("currentPassword", "not-my-password-1", "newPassword", NEW_PASSWORD));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertThat(anonymous().logIn(shop.ownerEmail(), NEW_PASSWORD).status()).isEqualTo(401);
        assertThat(anonymous().logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWeakNewPasswordIsAFieldErrorAndNoSessionEnds() {
        SignedUpShop shop = fixtures().shop();
        ApiClient other = anonymous();
        other.logIn(shop.ownerEmail(), Fixtures.PASSWORD);

        ApiClient.Response refused = shop.owner().post("/api/v1/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "password123"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
        assertThat(other.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void withoutASessionThereIsNoPasswordChange() {
        ApiClient.Response response = anonymous().post("/api/v1/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(response.status()).isEqualTo(401);
    }
}
