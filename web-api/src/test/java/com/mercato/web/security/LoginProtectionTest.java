package com.mercato.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

/**
 * Failed logins are throttled per account and per address. Every test here logs in from
 * addresses of its own (X-Forwarded-For, trusted from loopback in tests), since all tests share
 * 127.0.0.1 and one application.
 */
class LoginProtectionTest extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordAndFromAnotherAddress() {
        SignedUpShop shop = fixtures().shop();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(from(address).logIn(shop.ownerEmail(), "wrong-password-" + i).status()).isEqualTo(401);
        }

        ApiClient.Response locked = from(address).logIn(shop.ownerEmail(), Fixtures.PASSWORD);
        ApiClient.Response elsewhere = from(newAddress()).logIn(shop.ownerEmail(), Fixtures.PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(elsewhere.status()).isEqualTo(429);
        assertThat(shop.owner().get("/api/v1/me").status()).as("sessions already open go on").isEqualTo(200);
    }

    @Test
    void anUnknownEmailIsThrottledJustTheSame() {
        String email = Fixtures.uniqueSlug("nobody") + "@example.com";
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            ApiClient.Response failed = from(address).logIn(email, "wrong-password-" + i);
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.problemType()).isEqualTo("/problems/login-failed");
        }

        assertThat(from(address).logIn(email, "wrong-password-x").status()).isEqualTo(429);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOnly() {
        SignedUpShop shop = fixtures().shop();
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            String guess = Fixtures.uniqueSlug("guess") + "@example.com";
            assertThat(from(address).logIn(guess, "wrong-password").status()).isEqualTo(401);
        }

        assertThat(from(address).logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(429);
        assertThat(from(newAddress()).logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void successfulLoginsDoNotCountAndASuccessClearsTheAccountsFailures() {
        SignedUpShop shop = fixtures().shop("ADVANCED");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(from(address).logIn(shop.ownerEmail(), "wrong-password-" + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 22; i++) {
            assertThat(from(address).logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).as("login %d", i).isEqualTo(200);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(from(address).logIn(shop.ownerEmail(), "wrong-password-" + i).status()).isEqualTo(401);
        }

        assertThat(from(address).logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void everyLoginAndLogoutIsAuditedWithoutThePassword() {
        SignedUpShop shop = fixtures().shop();
        String address = newAddress();
        from(address).logIn(shop.ownerEmail(), "secret-wrong-guess-1");
        ApiClient client = from(address);
        client.logIn(shop.ownerEmail(), Fixtures.PASSWORD);
        client.logOut();

        List<String> actions = jdbc.sql("SELECT action FROM public.audit_log WHERE ip = ? ORDER BY occurred_at, action")
                .param(address).query(String.class).list();
        String everything = jdbc.sql("SELECT coalesce(string_agg(details::text || coalesce(cause, ''), ' '), '') FROM public.audit_log WHERE ip = ?")
                .param(address).query(String.class).single();

        assertThat(actions).containsExactly("login.failed", "login.succeeded", "logout");
        assertThat(everything).contains(shop.ownerEmail()).doesNotContain("secret-wrong-guess-1").doesNotContain(Fixtures.PASSWORD);
        assertThat(jdbc.sql("SELECT tenant_id FROM public.audit_log WHERE ip = ? AND action = 'login.succeeded'")
                .param(address).query(java.util.UUID.class).single()).isEqualTo(shop.shopId());
    }

    private ApiClient from(String address) {
        return anonymous().withHeader("X-Forwarded-For", address);
    }

    /** An address from the documentation range (RFC 5737) no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + (n / 250) % 100) + "." + (1 + n % 250);
    }
}
