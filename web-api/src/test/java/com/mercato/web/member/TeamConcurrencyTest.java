package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

/** Team rules that must hold when requests race: one use per link, always an owner. */
class TeamConcurrencyTest extends TeamTestBase {

    @Test
    void oneLinkAcceptedTenTimesAtOnceMakesOneMember() throws Exception {
        var shop = fixtures().shop();
        String token = inviteAndReadToken(shop.owner(), shop, newEmail("eager"), "AGENT");
        List<Supplier<ApiClient.Response>> accepts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ApiClient client = anonymous();
            client.get("/login");
            accepts.add(() -> client.post("/api/v1/invitations/" + token + "/accept", Map.of("name", "Eager", "password", STRONG_PASSWORD)));
        }

        List<ApiClient.Response> responses = inParallel(accepts);

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).as(responses.toString()).isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.status() == 410).count()).as(responses.toString()).isEqualTo(9);
        assertThat(activeMembers(shop.shopId())).isEqualTo(2);
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
        for (int round = 1; round <= 5; round++) {
            var shop = fixtures().shop();
            Joined second = join(shop, "OWNER");
            String firstId = shop.owner().get(base(shop) + "/members").json().get(0).path("id").asString();

            List<ApiClient.Response> responses = inParallel(List.of(
                    () -> shop.owner().patch(base(shop) + "/members/" + second.userId(), Map.of("role", "ADMIN")),
                    () -> second.client().patch(base(shop) + "/members/" + firstId, Map.of("role", "ADMIN"))));

            // The loser is refused either as the last owner (409) or, when the winner committed first, as
            // someone who is no longer an owner (403); never do both succeed.
            List<Integer> statuses = responses.stream().map(ApiClient.Response::status).sorted().toList();
            assertThat(statuses.getFirst()).as("round %d: %s", round, responses).isEqualTo(200);
            assertThat(statuses.getLast()).as("round %d: %s", round, responses).isIn(403, 409);
            assertThat(jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND role = 'OWNER' AND status = 'ACTIVE'")
                    .param(shop.shopId()).query(Integer.class).single()).isEqualTo(1);
        }
    }
}
