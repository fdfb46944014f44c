package com.mercato.web.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;

import tools.jackson.databind.JsonNode;

class InvitationTest extends TeamTestBase {

    @Test
    void anInviteeFollowsTheMailedLinkSetsNameAndPasswordAndCanWorkInTheShop() {
        var shop = fixtures().shop();
        String email = newEmail("agent");

        ApiClient.Response invited = invite(shop.owner(), shop, email, "AGENT");

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        JsonNode invitation = invited.json();
        assertThat(invitation.path("email").asString()).isEqualTo(email);
        assertThat(invitation.path("role").asString()).isEqualTo("AGENT");
        assertThat(invitation.path("status").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(invitation.path("expiresAt").asString()))
                .isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(5, ChronoUnit.SECONDS));
        String token = tokenIn(mailbox().awaitLink(email, "/invitations/"));
        assertThat(invited.body()).doesNotContain(token);

        JsonNode info = anonymous().get("/api/v1/invitations/" + token).json();
        assertThat(info.path("shopSlug").asString()).isEqualTo(shop.slug());
        assertThat(info.path("shopName").asString()).isEqualTo("Shop " + shop.slug());
        assertThat(info.path("email").asString()).isEqualTo(email);
        assertThat(info.path("role").asString()).isEqualTo("AGENT");
        assertThat(info.path("existingLogin").asBoolean()).isFalse();

        ApiClient.Response accepted = accept(token, "Ada Agent", STRONG_PASSWORD);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().path("email").asString()).isEqualTo(email);
        assertThat(accepted.json().path("role").asString()).isEqualTo("AGENT");
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.json().path("canLogIn").asBoolean()).isTrue();
        ApiClient agent = anonymous();
        assertThat(agent.logIn(email, STRONG_PASSWORD).status()).isEqualTo(200);
        ApiClient.Response shopSeenByAgent = agent.get(base(shop));
        assertThat(shopSeenByAgent.status()).isEqualTo(200);
        assertThat(shopSeenByAgent.json().path("yourRole").asString()).isEqualTo("AGENT");
        assertThat(shop.owner().get(base(shop) + "/invitations").json().size()).isZero();
        assertThat(audited(shop.shopId(), "invitation.created")).isEqualTo(1);
        assertThat(audited(shop.shopId(), "invitation.accepted")).isEqualTo(1);
    }

    @Test
    void pendingInvitationsAreListed() {
        var shop = fixtures().shop();
        String email = newEmail("listed");
        invite(shop.owner(), shop, email, "ADMIN");

        JsonNode list = shop.owner().get(base(shop) + "/invitations").json();

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("email").asString()).isEqualTo(email);
        assertThat(list.get(0).path("role").asString()).isEqualTo("ADMIN");
        assertThat(list.get(0).path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedAndNoLongerTakesASeat() {
        var shop = fixtures().shop();
        String email = newEmail("late");
        String token = inviteAndReadToken(shop.owner(), shop, email, "AGENT");
        clock.advance(Duration.ofDays(8));

        ApiClient.Response shown = anonymous().get("/api/v1/invitations/" + token);
        ApiClient.Response accepted = accept(token, "Late Larry", STRONG_PASSWORD);

        assertThat(shown.status()).isEqualTo(410);
        assertThat(shown.problemType()).isEqualTo("/problems/invitation-invalid");
        assertThat(shown.json().path("reason").asString()).isEqualTo("EXPIRED");
        assertThat(accepted.status()).isEqualTo(410);
        assertThat(accepted.json().path("reason").asString()).isEqualTo("EXPIRED");
        assertThat(activeMembers(shop.shopId())).isEqualTo(1);
        assertThat(shop.owner().get(base(shop) + "/seats").json().path("pending").asInt()).isZero();
        assertThat(shop.owner().get(base(shop) + "/invitations").json().get(0).path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aRevokedInvitationCannotBeAcceptedAndFreesItsSeat() {
        var shop = fixtures().shop();
        String email = newEmail("revoked");
        String token = inviteAndReadToken(shop.owner(), shop, email, "AGENT");
        String id = shop.owner().get(base(shop) + "/invitations").json().get(0).path("id").asString();
        assertThat(shop.owner().get(base(shop) + "/seats").json().path("pending").asInt()).isEqualTo(1);

        ApiClient.Response revoked = shop.owner().delete(base(shop) + "/invitations/" + id);
        ApiClient.Response accepted = accept(token, "Revoked Rita", STRONG_PASSWORD);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(accepted.status()).isEqualTo(410);
        assertThat(accepted.problemType()).isEqualTo("/problems/invitation-invalid");
        assertThat(accepted.json().path("reason").asString()).isEqualTo("REVOKED");
        assertThat(shop.owner().get(base(shop) + "/seats").json().path("pending").asInt()).isZero();
        assertThat(shop.owner().delete(base(shop) + "/invitations/" + id).status()).isEqualTo(404);
        assertThat(audited(shop.shopId(), "invitation.revoked")).isEqualTo(1);
    }

    @Test
    void anAcceptedInvitationCannotBeUsedAgain() {
        var shop = fixtures().shop();
        String token = inviteAndReadToken(shop.owner(), shop, newEmail("twice"), "AGENT");
        assertThat(accept(token, "Once Only", STRONG_PASSWORD).status()).isEqualTo(201);

        ApiClient.Response again = accept(token, "Once Only", STRONG_PASSWORD);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().path("reason").asString()).isEqualTo("ACCEPTED");
        assertThat(activeMembers(shop.shopId())).isEqualTo(2);
    }

    @Test
    void resendingGivesANewLinkAndExpiryAndKillsTheOldLink() {
        var shop = fixtures().shop();
        String email = newEmail("resent");
        String oldToken = inviteAndReadToken(shop.owner(), shop, email, "AGENT");
        String id = shop.owner().get(base(shop) + "/invitations").json().get(0).path("id").asString();
        clock.advance(Duration.ofDays(6));

        ApiClient.Response resent = shop.owner().post(base(shop) + "/invitations/" + id + "/resend", Map.of());

        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(Instant.parse(resent.json().path("expiresAt").asString()))
                .isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(5, ChronoUnit.SECONDS));
        String newToken = newTokenFor(email, 1);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(anonymous().get("/api/v1/invitations/" + oldToken).status()).isEqualTo(404);
        clock.advance(Duration.ofDays(3)); // past the first expiry, within the second
        assertThat(accept(newToken, "Resent Rob", STRONG_PASSWORD).status()).isEqualTo(201);
        assertThat(audited(shop.shopId(), "invitation.resent")).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedTokensAreNotFound() {
        assertThat(anonymous().get("/api/v1/invitations/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/invitations/nonsense").status()).isEqualTo(404);
        assertThat(accept("A".repeat(43), "Nobody", STRONG_PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void invitingAnActiveMemberIsAConflict() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");

        ApiClient.Response again = invite(shop.owner(), shop, agent.email().toUpperCase(), "ADMIN");
        ApiClient.Response owner = invite(shop.owner(), shop, shop.ownerEmail(), "AGENT");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/already-member");
        assertThat(owner.status()).isEqualTo(409);
    }

    @Test
    void invitingSomeoneWithAPendingInvitationIsAConflictPointingAtIt() {
        var shop = fixtures().shop();
        String email = newEmail("pending");
        String id = invite(shop.owner(), shop, email, "AGENT").json().path("id").asString();

        ApiClient.Response again = invite(shop.owner(), shop, email, "AGENT");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/already-invited");
        assertThat(again.json().path("invitationId").asString()).isEqualTo(id);
    }

    @Test
    void anExpiredInvitationIsReplacedByANewOne() {
        var shop = fixtures().shop();
        String email = newEmail("again");
        String oldToken = inviteAndReadToken(shop.owner(), shop, email, "AGENT");
        clock.advance(Duration.ofDays(8));

        ApiClient.Response again = invite(shop.owner(), shop, email, "ADMIN");

        assertThat(again.status()).isEqualTo(201);
        JsonNode open = shop.owner().get(base(shop) + "/invitations").json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("role").asString()).isEqualTo("ADMIN");
        assertThat(accept(oldToken, "Old Link", STRONG_PASSWORD).json().path("reason").asString()).isEqualTo("REVOKED");
    }

    @Test
    void anAgentCannotInviteAndAnAdminCannotInviteAnOwner() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        Joined admin = join(shop, "ADMIN");

        ApiClient.Response byAgent = invite(agent.client(), shop, newEmail("x"), "AGENT");
        ApiClient.Response ownerByAdmin = invite(admin.client(), shop, newEmail("y"), "OWNER");
        ApiClient.Response agentByAdmin = invite(admin.client(), shop, newEmail("z"), "AGENT");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.problemType()).isEqualTo("/problems/forbidden");
        assertThat(ownerByAdmin.status()).isEqualTo(403);
        assertThat(agentByAdmin.status()).isEqualTo(201);
        String id = agentByAdmin.json().path("id").asString();
        assertThat(agent.client().delete(base(shop) + "/invitations/" + id).status()).isEqualTo(403);
        assertThat(agent.client().post(base(shop) + "/invitations/" + id + "/resend", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void badInvitationInputIsAFieldError() {
        var shop = fixtures().shop();

        ApiClient.Response bad = shop.owner().post(base(shop) + "/invitations", Map.of("email", "not-an-email", "role", "KING"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("/problems/validation");
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("email", "role");
    }

    @Test
    void aWeakPasswordOrAMissingNameIsAFieldErrorAndTheInvitationStaysUsable() {
        var shop = fixtures().shop();
        String token = inviteAndReadToken(shop.owner(), shop, newEmail("weak"), "AGENT");

        ApiClient.Response weak = accept(token, "Weak Walter", "password1");
        ApiClient.Response nameless = accept(token, " ", STRONG_PASSWORD);

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problemType()).isEqualTo("/problems/validation");
        assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(accept(token, "Strong Walter", STRONG_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void someoneWithALoginJoinsASecondShopWithTheirExistingPassword() {
        var first = fixtures().shop();
        var second = fixtures().shop();
        String token = inviteAndReadToken(second.owner(), second, first.ownerEmail(), "ADMIN");
        assertThat(anonymous().get("/api/v1/invitations/" + token).json().path("existingLogin").asBoolean()).isTrue();

        ApiClient.Response wrong = accept(token, null, "not-my-password-1");
        ApiClient.Response right = accept(token, null, Fixtures.PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problemType()).isEqualTo("/problems/password-incorrect");
        assertThat(right.status()).as(right.toString()).isEqualTo(201);
        assertThat(right.json().path("role").asString()).isEqualTo("ADMIN");
        // the same session reaches both shops, no new login
        assertThat(first.owner().get(base(first)).status()).isEqualTo(200);
        assertThat(first.owner().get(base(second)).json().path("yourRole").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theInvitationPageShowsAFormThatAcceptsTheInvitation() {
        var shop = fixtures().shop();
        String email = newEmail("page");
        String token = inviteAndReadToken(shop.owner(), shop, email, "AGENT");
        ApiClient browser = anonymous();

        ApiClient.Response page = browser.getAny("/invitations/" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains("Join Shop " + shop.slug(), email, "name=\"password\"", "name=\"_csrf\"");

        ApiClient.Response withoutCsrf = browser.postRawWithoutCsrf("/invitations/" + token,
                "name=Page+Person&password=" + STRONG_PASSWORD, "application/x-www-form-urlencoded");
        ApiClient.Response weak = browser.postForm("/invitations/" + token, Map.of("name", "Page Person", "password", "short"));
        // as a browser submits the form: the _csrf field from the page, no header
        java.util.regex.Matcher csrfField = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrfField.find()).isTrue();
        ApiClient.Response accepted = browser.postRawWithoutCsrf("/invitations/" + token,
                "_csrf=" + java.net.URLEncoder.encode(csrfField.group(1), java.nio.charset.StandardCharsets.UTF_8)
                        + "&name=Page+Person&password=" + STRONG_PASSWORD, "application/x-www-form-urlencoded");

        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("password: must be at least 10 characters long");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body()).contains("Welcome, Page Person");
        assertThat(anonymous().logIn(email, STRONG_PASSWORD).status()).isEqualTo(200);
        assertThat(browser.getAny("/invitations/" + token).status()).isEqualTo(410);
    }

    @Test
    void aDeactivatedMemberInvitedAgainComesBackWithTheNewRole() {
        var shop = fixtures().shop();
        Joined agent = join(shop, "AGENT");
        shop.owner().delete(base(shop) + "/members/" + agent.userId());
        assertShutOut(agent, shop);
        String token = inviteAndReadToken(shop.owner(), shop, agent.email(), "ADMIN");

        ApiClient.Response back = accept(token, null, STRONG_PASSWORD);

        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        assertThat(back.json().path("role").asString()).isEqualTo("ADMIN");
        assertThat(back.json().path("status").asString()).isEqualTo("ACTIVE");
        logInAgain(agent);
        assertThat(agent.client().get(base(shop)).json().path("yourRole").asString()).isEqualTo("ADMIN");
    }

    @Test
    void pendingInvitationsCountInTheEntitlementsSeats() {
        var shop = fixtures().shop("LITE");
        invite(shop.owner(), shop, newEmail("counted"), "AGENT");

        assertThat(shop.owner().get(base(shop) + "/entitlements").json().path("seats").path("used").asInt()).isEqualTo(2);
    }
}
