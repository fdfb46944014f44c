package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;

/**
 * Seats under concurrency, over HTTP against real PostgreSQL: many requests race for the last
 * seat, round after round, and exactly one wins each time.
 */
class SeatRaceTest extends TeamTestBase {

    private static final int ROUNDS = 10;
    private static final int RACERS = 20;

    @Test
    void twentyParallelAcceptsOnTheLastSeatMakeExactlyOneMember() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            // 20 invitations made while the shop had 21 seats; then the extra seats went: 2 seats, 1 member, 1 free.
            var shop = fixtures().shop("LITE");
            setExtraSeats(shop, RACERS - 1);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                tokens.add(inviteAndReadToken(shop.owner(), shop, newEmail("racer"), "AGENT"));
            }
            setExtraSeats(shop, 0);

            List<Supplier<ApiClient.Response>> accepts = new ArrayList<>();
            for (String token : tokens) {
                ApiClient client = anonymous();
                client.get("/login"); // the CSRF cookie now, so the race is only the accept
                accepts.add(() -> client.post("/api/v1/invitations/" + token + "/accept",
                        java.util.Map.of("name", "Racer", "password", STRONG_PASSWORD)));
            }
            List<ApiClient.Response> responses = inParallel(accepts);

            assertThat(responses.stream().filter(r -> r.status() == 201).count()).as("round %d: %s", round, responses).isEqualTo(1);
            assertThat(responses.stream().filter(r -> r.status() == 402)
                    .filter(r -> r.problemType().equals("/problems/seat-limit-reached")).count()).as("round %d", round).isEqualTo(RACERS - 1);
            assertThat(activeMembers(shop.shopId())).as("round %d", round).isEqualTo(2);
        }
    }

    @Test
    void twoAdminsInvitingAtOnceNeverExceedTheSeats() throws Exception {
        for (int round = 1; round <= 5; round++) {
            var shop = fixtures().shop("REGULAR");
            Joined admin = join(shop, "ADMIN");
            invite(shop.owner(), shop, newEmail("held"), "AGENT");
            invite(shop.owner(), shop, newEmail("held"), "AGENT");
            // 5 seats: 2 members and 2 pending invitations, 1 free

            List<Supplier<ApiClient.Response>> invites = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                ApiClient as = i % 2 == 0 ? shop.owner() : admin.client();
                String email = newEmail("rival");
                invites.add(() -> invite(as, shop, email, "AGENT"));
            }
            List<ApiClient.Response> responses = inParallel(invites);

            assertThat(responses.stream().filter(r -> r.status() == 201).count()).as("round %d: %s", round, responses).isEqualTo(1);
            assertThat(responses.stream().filter(r -> r.status() == 402).count()).as("round %d", round).isEqualTo(RACERS - 1);
            var seats = shop.owner().get(base(shop) + "/seats").json();
            assertThat(seats.path("used").asInt()).isEqualTo(5);
            assertThat(seats.path("pending").asInt()).isEqualTo(3);
        }
    }
}
