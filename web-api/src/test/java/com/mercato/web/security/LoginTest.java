package com.mercato.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mercato.testsupport.TestServices;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;

class LoginTest extends IntegrationTest {

    @Autowired
    @Qualifier("dataSource")
    HikariDataSource platformPool;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response wrongPassword = anonymous().logIn(shop.ownerEmail(), "not-the-password-1");
        ApiClient.Response unknownEmail = anonymous().logIn("nobody-" + shop.ownerEmail(), "not-the-password-1");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.problemType()).isEqualTo("/problems/login-failed");
        assertThat(wrongPassword.json().path("detail").asString()).isEqualTo(unknownEmail.json().path("detail").asString());
    }

    @Test
    void theSessionLivesInRedisUnderThisRunsPrefix() {
        SignedUpShop shop = fixtures().shop();
        String cookie = shop.owner().cookie("SESSION");
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie));

        Boolean stored = redis.hasKey(TestServices.get().redisKeyPrefix() + "session:sessions:" + sessionId);

        assertThat(stored).isTrue();
    }

    @Test
    void logoutEndsTheSession() {
        SignedUpShop shop = fixtures().shop();
        assertThat(shop.owner().get("/api/v1/shops/" + shop.slug()).status()).isEqualTo(200);

        ApiClient.Response logout = shop.owner().logOut();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(shop.owner().get("/api/v1/shops/" + shop.slug()).status()).isEqualTo(401);
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefused() {
        SignedUpShop shop = fixtures().shop();
        ApiClient noCsrf = anonymous();
        noCsrf.logIn(shop.ownerEmail(), Fixtures.PASSWORD);

        ApiClient.Response response = noCsrf.postRawWithoutCsrf("/api/v1/shops/" + shop.slug() + "/contacts", "{\"name\":\"x\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemType()).isEqualTo("/problems/csrf-token-invalid");
        assertThat(shop.owner().get("/api/v1/shops/" + shop.slug() + "/contacts").json().path("totalItems").asLong()).isZero();
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response response = anonymous().postRawWithoutCsrf("/login", "username=" + shop.ownerEmail() + "&password=" + Fixtures.PASSWORD,
                "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void theLoginPageIsServedToBrowsers() {
        ApiClient.Response page = anonymous().get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("username", "password", "_csrf");
    }

    @Test
    void oneLoginWorksForTwoShopsOfTheSamePerson() {
        SignedUpShop first = fixtures().shop();
        String second = Fixtures.uniqueSlug("second");

        ApiClient.Response opened = first.owner().post("/api/v1/shops", Map.of("shopName", "Second shop", "slug", second, "plan", "LITE"));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(first.owner().get("/api/v1/shops/" + second).json().path("yourRole").asString()).isEqualTo("OWNER");
        assertThat(first.owner().get("/api/v1/shops/" + first.slug()).status()).isEqualTo(200);
    }

    @Test
    void aLoginThatCannotBeCheckedIsA503NotAWrongPassword() throws Exception {
        SignedUpShop shop = fixtures().shop();
        List<Connection> held = new ArrayList<>();
        ApiClient.Response unavailable;
        try {
            // every platform connection taken: the password cannot be looked up
            for (int i = 0; i < platformPool.getMaximumPoolSize(); i++) {
                held.add(platformPool.getConnection());
            }
            unavailable = anonymous().logIn(shop.ownerEmail(), shop.password());
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.problemType()).isEqualTo("/problems/service-unavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("5");
        assertThat(anonymous().logIn(shop.ownerEmail(), shop.password()).status()).isEqualTo(200);
    }
}
