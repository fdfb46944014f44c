package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.member.MemberDeactivated;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Poll;

import tools.jackson.databind.JsonNode;

class EndingSessionsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aPersonSeesTheirSessionsWithoutTheirIdsAndEndsOne() {
        SignedUpShop shop = fixtures().shop();
        ApiClient phone = logIn(shop.ownerEmail(), "Phone/1.0");
        ApiClient laptop = logIn(shop.ownerEmail(), "Laptop/2.0");

        JsonNode sessions = laptop.get("/api/v1/me/sessions").json();

        assertThat(sessions.size()).isEqualTo(3);
        JsonNode current = only(sessions, "current", true);
        assertThat(current.path("device").asString()).isEqualTo("Laptop/2.0");
        assertThat(current.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(current.path("createdAt").asString()).isNotBlank();
        assertThat(current.path("lastSeen").asString()).isNotBlank();
        String rawId = new String(Base64.getDecoder().decode(laptop.cookie("SESSION")), StandardCharsets.UTF_8);
        assertThat(sessions.toString()).doesNotContain(rawId);

        String phoneId = only(sessions, "device", "Phone/1.0").path("id").asString();
        assertThat(laptop.delete("/api/v1/me/sessions/" + phoneId).status()).isEqualTo(204);

        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me/sessions").json().size()).isEqualTo(2);
        assertThat(laptop.delete("/api/v1/me/sessions/" + phoneId).status()).isEqualTo(404);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anOwnerEndsAllSessionsOfAMemberAndAnAgentMayNot() {
        SignedUpShop shop = fixtures().shop();
        SignedUpShop agentsOwnShop = fixtures().shop("LITE");
        UUID agent = userId(agentsOwnShop.owner());
        UUID owner = userId(shop.owner());
        addMember(shop.shopId(), agent, "AGENT");
        ApiClient agentElsewhere = logIn(agentsOwnShop.ownerEmail(), "tablet");

        ApiClient.Response byAgent = agentsOwnShop.owner().delete("/api/v1/shops/" + shop.slug() + "/members/" + owner + "/sessions");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(200);

        ApiClient.Response byOwner = shop.owner().delete("/api/v1/shops/" + shop.slug() + "/members/" + agent + "/sessions");

        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(200);
        assertThat(byOwner.json().path("ended").asInt()).isEqualTo(2);
        assertThat(agentsOwnShop.owner().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(agentElsewhere.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(shop.owner().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audit_log WHERE tenant_id = ? AND action = 'member.sessions-ended' AND actor_id = ?")
                .params(shop.shopId(), owner.toString()).query(Integer.class).single()).isEqualTo(1);

        assertThat(shop.owner().delete("/api/v1/shops/" + shop.slug() + "/members/" + UUID.randomUUID() + "/sessions").status())
                .isEqualTo(404);
    }

    @Test
    void aDeactivatedMembersSessionsInThatShopEnd() {
        SignedUpShop shop = fixtures().shop();
        String first = Fixtures.uniqueSlug("first");
        assertThat(shop.owner().post("/api/v1/shops", Map.of("shopName", "A first shop", "slug", first, "plan", "REGULAR")).status())
                .isEqualTo(201);
        ApiClient inFirst = logIn(shop.ownerEmail(), "first");
        assertThat(inFirst.get("/api/v1/me").json().path("currentShop").path("slug").asString()).isEqualTo(first);
        ApiClient inSecond = logIn(shop.ownerEmail(), "second");
        assertThat(inSecond.put("/api/v1/me/current-shop", Map.of("slug", shop.slug())).status()).isEqualTo(200);
        UUID person = userId(inFirst);
        UUID firstShopId = UUID.fromString(inFirst.get("/api/v1/shops/" + first).json().path("id").asString());

        publish(new MemberDeactivated(new TenantId(firstShopId), person, "deactivated", Instant.now()));

        Poll.until("the session in the first shop ends", () -> inFirst.get("/api/v1/me").status() == 401);
        assertThat(inSecond.get("/api/v1/me").status()).isEqualTo(200);

        publish(new MemberDeactivated(null, person, "password-reset", Instant.now()));

        // the listener ends them one after another: wait for each
        Poll.until("every session ends", () -> inSecond.get("/api/v1/me").status() == 401
                && shop.owner().get("/api/v1/me").status() == 401);
    }

    private void publish(MemberDeactivated event) {
        // as the members' service does: inside its transaction, delivered after the commit
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private ApiClient logIn(String email, String device) {
        ApiClient client = anonymous().withHeader("User-Agent", device);
        assertThat(client.logIn(email, Fixtures.PASSWORD).status()).isEqualTo(200);
        return client;
    }

    private static UUID userId(ApiClient client) {
        return UUID.fromString(client.get("/api/v1/me").json().path("id").asString());
    }

    private void addMember(UUID shop, UUID user, String role) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)")
                .params(UUID.randomUUID(), shop, user, role, now, now)
                .update();
    }

    private static JsonNode only(JsonNode array, String field, Object value) {
        JsonNode found = null;
        for (JsonNode node : array) {
            if (node.path(field).toString().equals(value instanceof String s ? "\"" + s + "\"" : String.valueOf(value))) {
                assertThat(found).as("more than one session with %s = %s in %s", field, value, array).isNull();
                found = node;
            }
        }
        assertThat(found).as("a session with %s = %s in %s", field, value, array).isNotNull();
        return found;
    }
}
