package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

import tools.jackson.databind.JsonNode;

class SeatTest extends TeamTestBase {

    @Test
    void seatsCountActiveMembersAndPendingInvitations() {
        var shop = fixtures().shop("REGULAR");
        assertSeats(shop.owner().get(base(shop) + "/seats").json(), 5, 1, 0, 4);
        String first = newEmail("first");
        String firstToken = inviteAndReadToken(shop.owner(), shop, first, "AGENT");
        invite(shop.owner(), shop, newEmail("second"), "AGENT");

        assertSeats(shop.owner().get(base(shop) + "/seats").json(), 5, 3, 2, 2);

        assertThat(accept(firstToken, "First Member", STRONG_PASSWORD).status()).isEqualTo(201);
        JsonNode afterAccept = shop.owner().get(base(shop) + "/seats").json();
        assertSeats(afterAccept, 5, 3, 1, 2);
        assertThat(afterAccept.path("members").asInt()).isEqualTo(2);
    }

    @Test
    void invitingBeyondTheSeatsIsRefusedSayingHowToGetMore() {
        var shop = fixtures().shop("LITE");
        String id = invite(shop.owner(), shop, newEmail("fits"), "AGENT").json().path("id").asString();

        ApiClient.Response refused = invite(shop.owner(), shop, newEmail("too-many"), "AGENT");

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("/problems/seat-limit-reached");
        assertThat(refused.json().path("limit").asInt()).isEqualTo(2);
        assertThat(refused.json().path("used").asInt()).isEqualTo(2);
        assertThat(refused.json().path("pending").asInt()).isEqualTo(1);
        assertThat(refused.json().path("detail").asString()).contains("the plan has 2 seats",
                "get more: upgrade the plan to Regular or Advanced (the Lite plan sells no extra seats)");
        assertThat(shop.owner().get(base(shop) + "/invitations").json().size()).isEqualTo(1);

        assertThat(shop.owner().delete(base(shop) + "/invitations/" + id).status()).isEqualTo(204);
        assertThat(invite(shop.owner(), shop, newEmail("now-fits"), "AGENT").status()).isEqualTo(201);
    }

    @Test
    void onAPlanThatSellsExtraSeatsTheRefusalOffersThem() {
        var shop = fixtures().shop("REGULAR");
        for (int i = 0; i < 4; i++) {
            assertThat(invite(shop.owner(), shop, newEmail("fill"), "AGENT").status()).isEqualTo(201);
        }

        ApiClient.Response refused = invite(shop.owner(), shop, newEmail("sixth"), "AGENT");

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("detail").asString())
                .contains("the plan has 5 seats", "get more: buy extra seats or upgrade the plan to Advanced.");
    }

    @Test
    void extraSeatsMakeRoom() {
        var shop = fixtures().shop("LITE");
        invite(shop.owner(), shop, newEmail("one"), "AGENT");
        assertThat(invite(shop.owner(), shop, newEmail("two"), "AGENT").status()).isEqualTo(402);

        setExtraSeats(shop, 1);

        assertThat(invite(shop.owner(), shop, newEmail("three"), "AGENT").status()).isEqualTo(201);
        assertSeats(shop.owner().get(base(shop) + "/seats").json(), 3, 3, 2, 0);
    }

    @Test
    void deactivatingFreesASeatAndReactivatingTakesOneOr402() {
        var shop = fixtures().shop("LITE");
        Joined agent = join(shop, "AGENT");
        String member = base(shop) + "/members/" + agent.userId();

        assertThat(shop.owner().patch(member, Map.of("status", "DEACTIVATED")).status()).isEqualTo(200);
        assertSeats(shop.owner().get(base(shop) + "/seats").json(), 2, 1, 0, 1);
        String pending = invite(shop.owner(), shop, newEmail("in-the-way"), "AGENT").json().path("id").asString();

        ApiClient.Response refused = shop.owner().patch(member, Map.of("status", "ACTIVE"));

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("/problems/seat-limit-reached");
        assertShutOut(agent, shop);

        shop.owner().delete(base(shop) + "/invitations/" + pending);
        ApiClient.Response reactivated = shop.owner().patch(member, Map.of("status", "ACTIVE"));

        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(reactivated.json().path("status").asString()).isEqualTo("ACTIVE");
        logInAgain(agent);
        assertThat(agent.client().get(base(shop)).status()).isEqualTo(200);
        assertThat(audited(shop.shopId(), "member.reactivated")).isEqualTo(1);
    }

    @Test
    void anAcceptThatWouldExceedTheSeatsIsRefused() {
        // Invitations made while the shop had an extra seat, which the owner then gave up.
        var shop = fixtures().shop("LITE");
        setExtraSeats(shop, 1);
        String first = inviteAndReadToken(shop.owner(), shop, newEmail("early"), "AGENT");
        String second = inviteAndReadToken(shop.owner(), shop, newEmail("later"), "AGENT");
        setExtraSeats(shop, 0);

        assertThat(accept(first, "Early Bird", STRONG_PASSWORD).status()).isEqualTo(201);
        ApiClient.Response refused = accept(second, "Late Bird", STRONG_PASSWORD);

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("/problems/seat-limit-reached");
        assertThat(activeMembers(shop.shopId())).isEqualTo(2);
    }

    private static void assertSeats(JsonNode seats, int limit, int used, int pending, int available) {
        assertThat(seats.path("limit").asInt()).as("limit").isEqualTo(limit);
        assertThat(seats.path("used").asInt()).as("used").isEqualTo(used);
        assertThat(seats.path("pending").asInt()).as("pending").isEqualTo(pending);
        assertThat(seats.path("available").asInt()).as("available").isEqualTo(available);
    }
}
