package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Poll;

/** What the team tests share: inviting, reading the link from the mailbox, joining. */
abstract class TeamTestBase extends IntegrationTest {

    static final String STRONG_PASSWORD = "new-member-pass-77";

    @Autowired
    JdbcClient jdbc;

    /** A person who joined a shop through an invitation, logged in. */
    record Joined(UUID userId, String email, ApiClient client) {
    }

    static String base(Fixtures.SignedUpShop shop) {
        return "/api/v1/shops/" + shop.slug();
    }

    static String newEmail(String prefix) {
        return Fixtures.uniqueSlug(prefix) + "@example.com";
    }

    ApiClient.Response invite(ApiClient as, Fixtures.SignedUpShop shop, String email, String role) {
        return as.post(base(shop) + "/invitations", Map.of("email", email, "role", role));
    }

    /** Invites (201 expected) and returns the token from the e-mail's link. */
    String inviteAndReadToken(ApiClient as, Fixtures.SignedUpShop shop, String email, String role) {
        int before = mailbox().to(email).size();
        ApiClient.Response invited = invite(as, shop, email, role);
        assertThat(invited.status()).as("invite: %s", invited).isEqualTo(201);
        return newTokenFor(email, before);
    }

    /** The token of the first invitation mail to arrive after the {@code before} mails this address already had. */
    String newTokenFor(String email, int before) {
        Poll.until("invitation mail number " + (before + 1) + " to " + email, Duration.ofSeconds(15),
                () -> mailbox().to(email).size() > before);
        return tokenIn(mailbox().to(email).get(before).linkPath("/invitations/").orElseThrow());
    }

    static String tokenIn(String linkPath) {
        assertThat(linkPath).startsWith("/invitations/");
        return linkPath.substring("/invitations/".length());
    }

    ApiClient.Response accept(String token, String name, String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("password", password);
        return anonymous().post("/api/v1/invitations/" + token + "/accept", body);
    }

    /** A new person joins the shop with the role and logs in. */
    Joined join(Fixtures.SignedUpShop shop, String role) {
        String email = newEmail(role.toLowerCase());
        String token = inviteAndReadToken(shop.owner(), shop, email, role);
        ApiClient.Response accepted = accept(token, "Member " + email, STRONG_PASSWORD);
        assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(201);
        ApiClient client = anonymous();
        assertThat(client.logIn(email, STRONG_PASSWORD).status()).isEqualTo(200);
        return new Joined(UUID.fromString(accepted.json().path("id").asString()), email, client);
    }

    /**
     * A deactivated member is refused at once (the membership is checked on every request), and their
     * sessions in the shop end just after the change commits: waits for that, as the next login must come after it.
     */
    void assertShutOut(Joined member, Fixtures.SignedUpShop shop) {
        assertThat(member.client().get(base(shop)).status()).isIn(401, 404);
        Poll.until(member.email() + "'s session in the shop ended", () -> member.client().get(base(shop)).status() == 401);
    }

    void logInAgain(Joined member) {
        assertThat(member.client().logIn(member.email(), STRONG_PASSWORD).status()).isEqualTo(200);
    }

    /** Sets the extra seats billing reads for the shop (what buying or dropping extra seats leaves in the database). */
    void setExtraSeats(Fixtures.SignedUpShop shop, int extra) {
        assertThat(jdbc.sql("UPDATE public.subscriptions SET extra_seats = ? WHERE tenant_id = ?")
                .params(extra, shop.shopId()).update()).isEqualTo(1);
    }

    int activeMembers(UUID shopId) {
        return jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND status = 'ACTIVE'")
                .param(shopId).query(Integer.class).single();
    }

    int audited(UUID shopId, String action) {
        return jdbc.sql("SELECT count(*) FROM public.audit_log WHERE tenant_id = ? AND action = ?")
                .params(shopId, action).query(Integer.class).single();
    }

    /** Starts every call at the same moment (as far as threads allow) and waits for all of them. */
    static List<ApiClient.Response> inParallel(List<Supplier<ApiClient.Response>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (Supplier<ApiClient.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
