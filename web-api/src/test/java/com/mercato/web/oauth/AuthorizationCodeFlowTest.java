package com.mercato.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Authorization code with PKCE for people: the same login form, a consent page where a person
 * in several shops picks the one the app acts for, tokens bound to that shop, rotated refresh
 * tokens for confidential apps only, revocation and /userinfo.
 */
class AuthorizationCodeFlowTest extends IntegrationTest {

    private static final String REDIRECT = "https://app.example/callback";

    @Autowired
    AppClients apps;

    @Autowired
    JdbcClient jdbc;

    record Person(String email, UUID userId, UUID firstShop, String firstSlug, UUID secondShop, String secondSlug) {
    }

    /** A person who owns two Advanced shops. */
    private Person ownerOfTwoShops() {
        var shop = fixtures().shop("ADVANCED");
        String second = Fixtures.uniqueSlug("second");
        ApiClient.Response opened = shop.owner().post("/api/v1/shops",
                Map.of("shopName", "Second " + second, "slug", second, "plan", "ADVANCED", "interval", "MONTH"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        UUID userId = jdbc.sql("SELECT id FROM public.users WHERE email = ?").param(shop.ownerEmail()).query(UUID.class).single();
        return new Person(shop.ownerEmail(), userId, shop.shopId(), shop.slug(),
                UUID.fromString(opened.json().path("shopId").asString()), second);
    }

    record Code(String code, String verifier) {
    }

    /** Runs the browser side: authorize, log in, consent for the shop; returns the code. */
    private Code authorize(Browser browser, String clientId, String email, UUID shopId) {
        String verifier = Browser.pkceVerifier();
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + REDIRECT + "&scope=openid%20profile%20email%20api&state=st-1"
                + "&code_challenge=" + Browser.pkceChallenge(verifier) + "&code_challenge_method=S256";

        Browser.Page toLogin = browser.get(authorize);
        assertThat(toLogin.status()).as(toLogin.toString()).isEqualTo(302);
        assertThat(toLogin.location()).endsWith("/login");
        Browser.Page loggedIn = browser.logIn(email, Fixtures.PASSWORD);
        assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(302);
        assertThat(loggedIn.location()).contains("/oauth2/authorize");
        Browser.Page toConsent = browser.get(loggedIn.location());
        assertThat(toConsent.status()).as(toConsent.toString()).isEqualTo(302);
        assertThat(toConsent.location()).contains("/oauth2/consent");
        Browser.Page consentPage = browser.get(toConsent.location());
        assertThat(consentPage.status()).as(consentPage.toString()).isEqualTo(200);
        assertThat(consentPage.body()).contains(shopId.toString()).contains("Which shop");

        String state = Browser.query(toConsent.location()).get("state");
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(
                Map.entry("client_id", clientId), Map.entry("state", state),
                Map.entry("scope", "profile"), Map.entry("scope", "email"), Map.entry("scope", "api"),
                Map.entry("shop_id", shopId.toString())));
        Browser.Page back = browser.postForm("/oauth2/authorize", form);
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.location()).startsWith(REDIRECT);
        Map<String, String> params = Browser.query(back.location());
        assertThat(params.get("state")).isEqualTo("st-1");
        assertThat(params).containsKey("code");
        return new Code(params.get("code"), verifier);
    }

    private static String authorizeUrl(String clientId, String verifier) {
        return "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + REDIRECT + "&scope=openid%20api&state=st-2"
                + "&code_challenge=" + Browser.pkceChallenge(verifier) + "&code_challenge_method=S256";
    }

    private static Code consentAgain(Browser browser, String clientId, UUID shopId) {
        String verifier = Browser.pkceVerifier();
        Browser.Page toConsent = browser.get(authorizeUrl(clientId, verifier));
        assertThat(toConsent.location()).as(toConsent.toString()).contains("/oauth2/consent");
        Browser.Page back = browser.postForm("/oauth2/authorize", List.of(Map.entry("client_id", clientId),
                Map.entry("state", Browser.query(toConsent.location()).get("state")), Map.entry("scope", "api"),
                Map.entry("shop_id", shopId.toString())));
        assertThat(back.location()).as(back.toString()).startsWith(REDIRECT).contains("code=");
        return new Code(Browser.query(back.location()).get("code"), verifier);
    }

    private TokenEndpoint.Reply exchange(AppClients.RegisteredApp app, Code code) {
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.code());
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", code.verifier());
        if (app.clientSecret() == null) {
            form.put("client_id", app.clientId());
            return new TokenEndpoint(port).post("/oauth2/token", null, form);
        }
        return new TokenEndpoint(port).post("/oauth2/token", TokenEndpoint.basic(app.clientId(), app.clientSecret()), form);
    }

    private TokenEndpoint.Reply refresh(AppClients.RegisteredApp app, String refreshToken) {
        return new TokenEndpoint(port).post("/oauth2/token", TokenEndpoint.basic(app.clientId(), app.clientSecret()),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    @Test
    void personPicksTheShopOnTheConsentPageAndTheTokenWorksThereOnly() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Helpdesk", List.of(REDIRECT));

        TokenEndpoint.Reply tokens = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.secondShop()));

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        JsonNode claims = TokenEndpoint.claims(tokens.accessToken());
        assertThat(claims.path("shop_id").asString()).isEqualTo(person.secondShop().toString());
        assertThat(claims.path("kind").asString()).isEqualTo("user");
        assertThat(claims.path("sub").asString()).isEqualTo(person.userId().toString());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        assertThat(tokens.json().path("id_token").asString()).isNotEmpty();
        ApiClient asApp = anonymous().withBearer(tokens.accessToken());
        ApiClient.Response chosen = asApp.get("/api/v1/shops/" + person.secondSlug());
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().path("yourRole").asString()).isEqualTo("OWNER");
        assertThat(asApp.post("/api/v1/shops/" + person.secondSlug() + "/contacts", Map.of("name", "Grace")).status()).isEqualTo(201);
        assertThat(asApp.get("/api/v1/shops/" + person.firstSlug() + "/contacts").status())
                .as("the person's other shop is not the token's").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audit_log WHERE tenant_id = ? AND action = 'oauth.consent-granted' AND actor_id = ?")
                .params(person.secondShop(), person.userId().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void confidentialAppsRefreshTokensRotateAndAnOldOneIsRefused() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Reports", List.of(REDIRECT));
        TokenEndpoint.Reply first = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.firstShop()));
        String firstRefresh = first.json().path("refresh_token").asString();
        assertThat(firstRefresh).isNotEmpty();

        TokenEndpoint.Reply second = refresh(app, firstRefresh);
        TokenEndpoint.Reply replay = refresh(app, firstRefresh);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("refresh_token").asString()).isNotEmpty().isNotEqualTo(firstRefresh);
        assertThat(TokenEndpoint.claims(second.accessToken()).path("shop_id").asString())
                .as("a refresh stays in the shop chosen at consent").isEqualTo(person.firstShop().toString());
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void publicPkceAppsGetNoRefreshToken() {
        Person person = ownerOfTwoShops();
        var app = apps.registerPublicApp("Mobile", List.of(REDIRECT));

        TokenEndpoint.Reply tokens = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.firstShop()));

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json().has("refresh_token")).isFalse();
        assertThat(anonymous().withBearer(tokens.accessToken()).get("/api/v1/shops/" + person.firstSlug() + "/contacts").status()).isEqualTo(200);
    }

    @Test
    void codeWithoutTheRightPkceVerifierGetsNoToken() {
        Person person = ownerOfTwoShops();
        var app = apps.registerPublicApp("Mobile", List.of(REDIRECT));
        Code code = authorize(new Browser(port), app.clientId(), person.email(), person.firstShop());

        TokenEndpoint.Reply tokens = exchange(app, new Code(code.code(), Browser.pkceVerifier()));

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void userinfoTellsWhoThePersonIs() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Profile", List.of(REDIRECT));
        TokenEndpoint.Reply tokens = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.firstShop()));

        TokenEndpoint.Reply userinfo = new TokenEndpoint(port).get("/userinfo", tokens.accessToken());

        assertThat(userinfo.status()).as(userinfo.toString()).isEqualTo(200);
        assertThat(userinfo.json().path("sub").asString()).isEqualTo(person.userId().toString());
        assertThat(userinfo.json().path("email").asString()).isEqualTo(person.email());
        assertThat(userinfo.json().path("name").asString()).startsWith("Owner of");
    }

    @Test
    void deactivatedMemberIsOutAtOnceAndCannotRefresh() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Helpdesk", List.of(REDIRECT));
        TokenEndpoint.Reply tokens = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.firstShop()));
        ApiClient asApp = anonymous().withBearer(tokens.accessToken());
        assertThat(asApp.get("/api/v1/shops/" + person.firstSlug() + "/contacts").status()).isEqualTo(200);

        jdbc.sql("UPDATE public.memberships SET status = 'DEACTIVATED' WHERE tenant_id = ? AND user_id = ?")
                .params(person.firstShop(), person.userId()).update();
        ApiClient.Response after = asApp.get("/api/v1/shops/" + person.firstSlug() + "/contacts");
        TokenEndpoint.Reply refreshed = refresh(app, tokens.json().path("refresh_token").asString());

        assertThat(after.status()).isEqualTo(404);
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void revokingTheRefreshTokenEndsTheAccessTokenToo() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Helpdesk", List.of(REDIRECT));
        TokenEndpoint.Reply tokens = exchange(app, authorize(new Browser(port), app.clientId(), person.email(), person.firstShop()));

        TokenEndpoint.Reply revoked = new TokenEndpoint(port).post("/oauth2/revoke", TokenEndpoint.basic(app.clientId(), app.clientSecret()),
                Map.of("token", tokens.json().path("refresh_token").asString(), "token_type_hint", "refresh_token"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(anonymous().withBearer(tokens.accessToken()).get("/api/v1/shops/" + person.firstSlug() + "/contacts").status()).isEqualTo(401);
        assertThat(refresh(app, tokens.json().path("refresh_token").asString()).status()).isEqualTo(400);
    }

    @Test
    void consentForAShopThePersonIsNotInIsRefused() {
        Person person = ownerOfTwoShops();
        var stranger = fixtures().shop("ADVANCED");
        var app = apps.registerConfidentialApp("Sneaky", List.of(REDIRECT));
        Browser browser = new Browser(port);
        String verifier = Browser.pkceVerifier();
        browser.get("/oauth2/authorize?response_type=code&client_id=" + app.clientId() + "&redirect_uri=" + REDIRECT
                + "&scope=api&state=s&code_challenge=" + Browser.pkceChallenge(verifier) + "&code_challenge_method=S256");
        Browser.Page loggedIn = browser.logIn(person.email(), Fixtures.PASSWORD);
        Browser.Page toConsent = browser.get(loggedIn.location());
        String state = Browser.query(toConsent.location()).get("state");

        Browser.Page back = browser.postForm("/oauth2/authorize", List.of(Map.entry("client_id", app.clientId()),
                Map.entry("state", state), Map.entry("scope", "api"), Map.entry("shop_id", stranger.shopId().toString())));

        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.location()).startsWith(REDIRECT).doesNotContain("code=");
        assertThat(Browser.query(back.location())).containsEntry("error", "access_denied").containsEntry("state", "s");
    }

    @Test
    void personInSeveralShopsPicksAShopAtEverySignInAndEarlierAuthorizationsKeepTheirs() {
        Person person = ownerOfTwoShops();
        var app = apps.registerConfidentialApp("Helpdesk", List.of(REDIRECT));
        Browser browser = new Browser(port);
        TokenEndpoint.Reply forFirst = exchange(app, authorize(browser, app.clientId(), person.email(), person.firstShop()));

        TokenEndpoint.Reply forSecond = exchange(app, consentAgain(browser, app.clientId(), person.secondShop()));
        TokenEndpoint.Reply firstRefreshed = refresh(app, forFirst.json().path("refresh_token").asString());

        assertThat(TokenEndpoint.claims(forSecond.accessToken()).path("shop_id").asString()).isEqualTo(person.secondShop().toString());
        assertThat(firstRefreshed.status()).as(firstRefreshed.toString()).isEqualTo(200);
        assertThat(TokenEndpoint.claims(firstRefreshed.accessToken()).path("shop_id").asString())
                .as("the earlier authorization stays with the shop it was given").isEqualTo(person.firstShop().toString());
    }

    @Test
    void personWithOneShopIsNotAskedAgainOnceConsented() {
        var shop = fixtures().shop("ADVANCED");
        var app = apps.registerPublicApp("Mobile", List.of(REDIRECT));
        Browser browser = new Browser(port);
        exchange(app, authorize(browser, app.clientId(), shop.ownerEmail(), shop.shopId()));
        String verifier = Browser.pkceVerifier();

        Browser.Page again = browser.get(authorizeUrl(app.clientId(), verifier));
        TokenEndpoint.Reply tokens = exchange(app, new Code(Browser.query(again.location()).get("code"), verifier));

        assertThat(again.location()).as(again.toString()).startsWith(REDIRECT).contains("code=");
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(TokenEndpoint.claims(tokens.accessToken()).path("shop_id").asString()).isEqualTo(shop.shopId().toString());
    }

    @Test
    void aBadBearerHeaderDoesNotLetASessionSkipCsrf() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient sessionWithBogusBearer = shop.owner().withBearer("forged");

        ApiClient.Response response = sessionWithBogusBearer.post("/api/v1/shops/" + shop.slug() + "/contacts", Map.of("name", "Mallory"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(shop.owner().withBearer(null).get("/api/v1/shops/" + shop.slug() + "/contacts").json().path("totalItems").asLong()).isZero();
    }
}
