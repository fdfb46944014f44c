package com.mercato.web.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Poll;

class PasswordResetTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "brand-new-secret-77";
    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySessionOfThatPerson() throws Exception {
        SignedUpShop shop = fixtures().shop();
        ApiClient otherDevice = anonymous();
        assertThat(otherDevice.logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);

        assertThat(client().post("/api/v1/password-reset", Map.of("email", shop.ownerEmail())).status()).isEqualTo(202);
        String link = mailbox().awaitLink(shop.ownerEmail(), "/password-reset/");
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(link).startsWith("/password-reset/");
        assertThat(jdbc.sql("SELECT token_hash FROM public.password_reset_tokens WHERE token_hash = ?").param(sha256(token))
                .query(String.class).optional()).as("only the hash is stored").isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM public.password_reset_tokens WHERE token_hash = ?").param(token)
                .query(Integer.class).single()).isZero();

        ApiClient.Response weak = client().post("/api/v1/password-reset/" + token, Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

        ApiClient.Response reset = client().post("/api/v1/password-reset/" + token, Map.of("password", NEW_PASSWORD));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        Poll.until("every session of the person ends", () -> shop.owner().get("/api/v1/me").status() == 401
                && otherDevice.get("/api/v1/me").status() == 401);
        assertThat(client().logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(client().logIn(shop.ownerEmail(), NEW_PASSWORD).status()).isEqualTo(200);

        ApiClient.Response again = client().post("/api/v1/password-reset/" + token, Map.of("password", "yet-another-secret-88"));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.problemType()).isEqualTo("/problems/reset-link-used");
        assertThat(client().logIn(shop.ownerEmail(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT action FROM public.audit_log WHERE actor_id = ? AND action LIKE 'password.%' ORDER BY occurred_at")
                .param(userIdOf(shop.ownerEmail())).query(String.class).list())
                .containsExactly("password.reset-requested", "password.reset");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        SignedUpShop shop = fixtures().shop();
        String unknown = "nobody-" + shop.ownerEmail();

        ApiClient.Response forUnknown = client().post("/api/v1/password-reset", Map.of("email", unknown));
        ApiClient.Response forKnown = client().post("/api/v1/password-reset", Map.of("email", shop.ownerEmail()));

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        mailbox().awaitLink(shop.ownerEmail(), "/password-reset/");
        assertThat(mailbox().to(unknown)).isEmpty();
    }

    @Test
    void aLinkExpiresAfterAnHour() {
        SignedUpShop shop = fixtures().shop();
        client().post("/api/v1/password-reset", Map.of("email", shop.ownerEmail()));
        String link = mailbox().awaitLink(shop.ownerEmail(), "/password-reset/");

        clock.advance(Duration.ofMinutes(61));

        ApiClient.Response expired = client().post("/api/v1" + link, Map.of("password", NEW_PASSWORD));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.problemType()).isEqualTo("/problems/reset-link-expired");
        assertThat(client().getAny(link).status()).isEqualTo(410);
        assertThat(client().logIn(shop.ownerEmail(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anInventedTokenIsNotFound() {
        ApiClient.Response response = client().post("/api/v1/password-reset/not-a-real-token", Map.of("password", NEW_PASSWORD));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("/problems/reset-link-invalid");
    }

    @Test
    void thePageOfALinkSetsThePasswordWithAPlainForm() {
        SignedUpShop shop = fixtures().shop();
        ApiClient browser = client();
        browser.post("/api/v1/password-reset", Map.of("email", shop.ownerEmail()));
        String link = mailbox().awaitLink(shop.ownerEmail(), "/password-reset/");

        ApiClient.Response page = browser.getAny(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();

        ApiClient.Response submitted = browser.withHeader("Accept", "text/html").postRawWithoutCsrf(link,
                "_csrf=" + csrf.group(1) + "&password=" + NEW_PASSWORD, "application/x-www-form-urlencoded");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.body()).contains("password is changed");
        assertThat(client().logIn(shop.ownerEmail(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void resetRequestsAreLimitedPerEmailAndPerAddress() {
        String email = Fixtures.uniqueSlug("flood") + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertThat(client().post("/api/v1/password-reset", Map.of("email", email)).status()).isEqualTo(202);
        }
        ApiClient.Response fourth = client().post("/api/v1/password-reset", Map.of("email", email));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.problemType()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);

        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            String someone = Fixtures.uniqueSlug("someone") + "@example.com";
            assertThat(from(address).post("/api/v1/password-reset", Map.of("email", someone)).status()).isEqualTo(202);
        }
        assertThat(from(address).post("/api/v1/password-reset", Map.of("email", Fixtures.uniqueSlug("x") + "@example.com")).status())
                .isEqualTo(429);
    }

    @Test
    void aRequestWithoutAnEmailIsAFieldError() {
        ApiClient.Response response = client().post("/api/v1/password-reset", Map.of("email", "not-an-address"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    private String userIdOf(String email) {
        return jdbc.sql("SELECT id::text FROM public.users WHERE email = ?").param(email).query(String.class).single();
    }

    /** Each request from an address of its own, so per-address limits do not pile up over the suite. */
    private ApiClient client() {
        return from(newAddress());
    }

    private ApiClient from(String address) {
        return anonymous().withHeader("X-Forwarded-For", address);
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + (n / 250) % 100) + "." + (1 + n % 250);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
