package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mercato.billing.dunning.BillingJobs;
import com.mercato.billing.webhook.WebhookWorker;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.stripe.PaidCheckout;

import tools.jackson.databind.JsonNode;

/** A downgrade leaves more members than seats: nobody is deleted, the most recently activated wait. */
class DowngradeTest extends TeamTestBase {

    @Autowired
    WebhookWorker worker;
    @Autowired
    BillingJobs jobs;

    @Test
    void membersBeyondTheSeatsAfterADowngradeCannotUseTheShopUntilTheOwnerChooses() {
        var shop = fixtures().shop("REGULAR");
        Joined earlier = join(shop, "ADMIN");
        Joined later = join(shop, "AGENT");
        subscribe(shop);

        downgradeToLite(shop);

        JsonNode members = shop.owner().get(base(shop) + "/members").json();
        assertThat(members.size()).isEqualTo(3);
        assertThat(canLogIn(members, shop.ownerEmail())).isTrue();
        assertThat(canLogIn(members, earlier.email())).isTrue();
        JsonNode beyond = byEmail(members, later.email());
        assertThat(beyond.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(beyond.path("canLogIn").asBoolean()).isFalse();
        assertThat(beyond.path("reason").asString()).isEqualTo("The plan has 2 seats; the owner must deactivate someone or add seats.");
        ApiClient.Response refused = later.client().get(base(shop));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("/problems/seat-over-limit");
        assertThat(refused.json().path("detail").asString()).contains("The plan has 2 seats");
        assertThat(later.client().get("/api/v1/shops").json().get(0).path("canLogIn").asBoolean()).isFalse();
        assertThat(shop.owner().get(base(shop)).status()).isEqualTo(200);
        assertThat(earlier.client().get(base(shop)).status()).isEqualTo(200);
        assertThat(shop.owner().post(base(shop) + "/invitations", Map.of("email", newEmail("no-room"), "role", "AGENT")).status())
                .isEqualTo(402);

        assertThat(shop.owner().delete(base(shop) + "/members/" + earlier.userId()).status()).isEqualTo(200);

        assertThat(later.client().get(base(shop)).status()).isEqualTo(200);
        assertThat(canLogIn(shop.owner().get(base(shop) + "/members").json(), later.email())).isTrue();
        assertShutOut(earlier, shop);
    }

    /** Checks out the Regular plan (5 seats) at the fake Stripe and waits until the shop is ACTIVE. */
    private void subscribe(Fixtures.SignedUpShop shop) {
        new PaidCheckout(anonymous().base(), clock, worker, jdbc).subscribe(shop, "REGULAR", 5);
    }

    /** The owner moves to Lite (2 seats); the downgrade applies at the end of the period. */
    private void downgradeToLite(Fixtures.SignedUpShop shop) {
        ApiClient.Response change = shop.owner().post(base(shop) + "/subscription/change", Map.of("plan", "LITE", "interval", "MONTH"));
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(change.json().path("effective").asString()).isEqualTo("PERIOD_END");
        clock.advance(Duration.ofDays(30).minusMinutes(30));
        jobs.applyDueDowngrades();
        assertThat(shop.owner().get(base(shop) + "/seats").json().path("limit").asInt()).isEqualTo(2);
    }

    private static JsonNode byEmail(JsonNode members, String email) {
        return members.valueStream().filter(m -> m.path("email").asString().equals(email)).findFirst().orElseThrow();
    }

    private static boolean canLogIn(JsonNode members, String email) {
        return byEmail(members, email).path("canLogIn").asBoolean();
    }
}
