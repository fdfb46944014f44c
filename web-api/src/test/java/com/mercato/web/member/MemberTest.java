package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import com.mercato.tenant.member.MemberDeactivated;
import com.mercato.web.support.ApiClient;

import tools.jackson.databind.JsonNode;

class MemberTest extends TeamTestBase {

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Test
    void theTeamListShowsEveryMemberWithRoleStatusAndWhetherTheyCanLogIn() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");

        JsonNode members = agent.client().get(base(shop) + "/members").json();

        assertThat(members.size()).isEqualTo(2);
        JsonNode owner = members.get(0);
        assertThat(owner.path("email").asString()).isEqualTo(shop.ownerEmail());
        assertThat(owner.path("role").asString()).isEqualTo("OWNER");
        JsonNode joined = members.get(1);
        assertThat(joined.path("id").asString()).isEqualTo(agent.userId().toString());
        assertThat(joined.path("email").asString()).isEqualTo(agent.email());
        assertThat(joined.path("name").asString()).isEqualTo("Member " + agent.email());
        assertThat(joined.path("role").asString()).isEqualTo("AGENT");
        assertThat(joined.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(joined.path("activatedAt").asString())).isAfterOrEqualTo(Instant.parse(owner.path("activatedAt").asString()));
        assertThat(joined.path("canLogIn").asBoolean()).isTrue();
        assertThat(joined.path("reason").isNull()).isTrue();
    }

    @Test
    void anOwnerChangesARoleAndItAppliesAtOnce() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        assertThat(invite(agent.client(), shop, newEmail("not-yet"), "AGENT").status()).isEqualTo(403);

        ApiClient.Response promoted = shop.owner().patch(base(shop) + "/members/" + agent.userId(), Map.of("role", "ADMIN"));

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("role").asString()).isEqualTo("ADMIN");
        assertThat(invite(agent.client(), shop, newEmail("now"), "AGENT").status()).isEqualTo(201);
        assertThat(audited(shop.shopId(), "member.role-changed")).isEqualTo(1);
    }

    @Test
    void anAdminCanNeitherTouchAnOwnerNorMakeOne() {
        var shop = fixtures().shop();
        Joined admin = join(shop, "ADMIN");
        Joined agent = join(shop, "AGENT");
        String ownerId = shop.owner().get(base(shop) + "/members").json().get(0).path("id").asString();

        assertThat(admin.client().patch(base(shop) + "/members/" + ownerId, Map.of("role", "AGENT")).status()).isEqualTo(403);
        assertThat(admin.client().delete(base(shop) + "/members/" + ownerId).status()).isEqualTo(403);
        assertThat(admin.client().patch(base(shop) + "/members/" + agent.userId(), Map.of("role", "OWNER")).status()).isEqualTo(403);
        assertThat(admin.client().patch(base(shop) + "/members/" + agent.userId(), Map.of("role", "ADMIN")).status()).isEqualTo(200);
    }

    @Test
    void anAgentCannotChangeTheTeam() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        Joined other = join(shop, "AGENT");

        ApiClient.Response refused = agent.client().patch(base(shop) + "/members/" + other.userId(), Map.of("status", "DEACTIVATED"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("/problems/forbidden");
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorDeactivated() {
        var shop = fixtures().shop();
        String ownerId = shop.owner().get(base(shop) + "/members").json().get(0).path("id").asString();

        ApiClient.Response demoted = shop.owner().patch(base(shop) + "/members/" + ownerId, Map.of("role", "ADMIN"));
        ApiClient.Response deactivated = shop.owner().delete(base(shop) + "/members/" + ownerId);

        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.problemType()).isEqualTo("/problems/last-owner");
        assertThat(deactivated.status()).isEqualTo(409);
        assertThat(shop.owner().get(base(shop)).status()).isEqualTo(200);

        Joined second = join(shop, "OWNER");
        assertThat(second.client().patch(base(shop) + "/members/" + ownerId, Map.of("role", "ADMIN")).status()).isEqualTo(200);
        assertThat(second.client().patch(base(shop) + "/members/" + second.userId(), Map.of("role", "ADMIN")).status()).isEqualTo(409);
    }

    @Test
    void deactivatingShutsTheMemberOutAtOnceAndTellsTheSessionSide() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        assertThat(agent.client().get(base(shop)).status()).isEqualTo(200);
        List<MemberDeactivated> events = new CopyOnWriteArrayList<>();
        // A lambda's event type is erased: it hears every event, so it checks what each one is.
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof MemberDeactivated deactivated) {
                events.add(deactivated);
            }
        };
        multicaster.addApplicationListener(listener);
        ApiClient.Response deactivated;
        try {
            deactivated = shop.owner().delete(base(shop) + "/members/" + agent.userId());
        } finally {
            multicaster.removeApplicationListener(listener);
        }

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(deactivated.json().path("canLogIn").asBoolean()).isFalse();
        assertThat(deactivated.json().path("reason").asString()).contains("Deactivated");
        assertShutOut(agent, shop);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.shopId().value()).isEqualTo(shop.shopId());
            assertThat(event.userId()).isEqualTo(agent.userId());
        });
        assertThat(shop.owner().get(base(shop) + "/seats").json().path("used").asInt()).isEqualTo(1);
        assertThat(audited(shop.shopId(), "member.deactivated")).isEqualTo(1);
        assertThat(shop.owner().get(base(shop) + "/members").json().size()).isEqualTo(2);
    }

    @Test
    void badChangesAreFieldErrorsAndUnknownMembersAreNotFound() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        String member = base(shop) + "/members/" + agent.userId();

        ApiClient.Response badRole = shop.owner().patch(member, Map.of("role", "KING", "status", "SLEEPING"));
        ApiClient.Response empty = shop.owner().patch(member, Map.of());

        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("role", "status");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(shop.owner().patch(base(shop) + "/members/" + java.util.UUID.randomUUID(), Map.of("role", "ADMIN")).status()).isEqualTo(404);
        assertThat(shop.owner().patch(base(shop) + "/members/not-a-uuid", Map.of("role", "ADMIN")).status()).isEqualTo(404);
    }

    @Test
    void aMemberOfAnotherShopIsNotFoundHere() {
        var mine = fixtures().shop();
        var theirs = fixtures().shop();
        Joined agent = join(theirs, "AGENT");

        assertThat(mine.owner().patch(base(mine) + "/members/" + agent.userId(), Map.of("role", "ADMIN")).status()).isEqualTo(404);
        assertThat(mine.owner().delete(base(mine) + "/members/" + agent.userId()).status()).isEqualTo(404);
    }

    @Test
    void anIntegrationClientCannotManageTheTeam() throws Exception {
        var shop = fixtures().shop("ADVANCED");
        ApiClient.Response created = shop.owner().post(base(shop) + "/api-clients", Map.of("name", "ERP"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String basic = java.util.Base64.getEncoder().encodeToString((created.json().path("clientId").asString() + ":"
                + created.json().path("clientSecret").asString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var tokenReply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(anonymous().base() + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(tokenReply.statusCode()).as(tokenReply.body()).isEqualTo(200);
        String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(tokenReply.body()).path("access_token").asString();
        ApiClient client = anonymous().withBearer(token);

        ApiClient.Response members = client.get(base(shop) + "/members");
        ApiClient.Response invited = client.post(base(shop) + "/invitations", Map.of("email", newEmail("by-bot"), "role", "AGENT"));

        assertThat(client.get(base(shop)).status()).as("the token works on the shop").isEqualTo(200);
        assertThat(members.status()).isEqualTo(403);
        assertThat(members.problemType()).isEqualTo("/problems/person-required");
        assertThat(invited.status()).isEqualTo(403);
        assertThat(invited.problemType()).isEqualTo("/problems/person-required");
    }
}
