package com.mercato.web.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Shops and people for tests, each with names no other test uses. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct-horse-42";

    private final Supplier<ApiClient> clients;

    Fixtures(Supplier<ApiClient> clients) {
        this.clients = clients;
    }

    public record SignedUpShop(UUID shopId, String slug, String ownerEmail, String password, ApiClient owner) {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> signupBody(String slug, String email, String plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shopName", "Shop " + slug);
        body.put("slug", slug);
        body.put("ownerEmail", email);
        body.put("ownerPassword", PASSWORD);
        body.put("ownerName", "Owner of " + slug);
        body.put("plan", plan);
        body.put("interval", "MONTH");
        return body;
    }

    /** Signs a new shop up on the plan and logs its owner in. */
    public SignedUpShop shop(String plan) {
        String slug = uniqueSlug("shop");
        String email = slug + "@example.com";
        ApiClient.Response signup = clients.get().post("/api/v1/signup", signupBody(slug, email, plan));
        assertThat(signup.status()).as("sign-up: %s", signup).isEqualTo(201);
        ApiClient owner = clients.get();
        ApiClient.Response login = owner.logIn(email, PASSWORD);
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        return new SignedUpShop(UUID.fromString(signup.json().path("shopId").asString()), slug, email, PASSWORD, owner);
    }

    public SignedUpShop shop() {
        return shop("REGULAR");
    }
}
