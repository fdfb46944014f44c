package com.mercato.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import com.mercato.billing.dunning.BillingJobs;
import com.mercato.billing.webhook.WebhookWorker;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.HeldConnections;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.stripe.PaidCheckout;
import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/** A shop's integration clients: created by owners on Advanced, tokens that work on that shop only. */
class ApiClientTokenTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("dataSource")
    HikariDataSource platformPool;
    @Autowired
    OAuth2AuthorizationConsentService consents;
    @Autowired
    RegisteredClientRepository registeredClients;
    @Autowired
    BillingJobs billingJobs;
    @Autowired
    WebhookWorker webhookWorker;

    record Credentials(String clientId, String secret) {
    }

    private Credentials newApiClient(Fixtures.SignedUpShop shop) {
        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "Shopify sync"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Credentials(created.json().path("clientId").asString(), created.json().path("clientSecret").asString());
    }

    private String tokenFor(Fixtures.SignedUpShop shop) {
        Credentials client = newApiClient(shop);
        TokenEndpoint.Reply reply = new TokenEndpoint(port).clientCredentials(client.clientId(), client.secret());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.accessToken();
    }

    @Test
    void discoveryNamesTheFixedIssuerAndPublishesTheSigningKey() {
        TokenEndpoint endpoint = new TokenEndpoint(port);

        TokenEndpoint.Reply discovery = endpoint.get("/.well-known/openid-configuration", null);
        TokenEndpoint.Reply jwks = endpoint.get("/oauth2/jwks", null);

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json().path("issuer").asString()).isEqualTo("http://localhost");
        assertThat(discovery.json().path("jwks_uri").asString()).isEqualTo("http://localhost/oauth2/jwks");
        assertThat(discovery.json().path("userinfo_endpoint").asString()).isEqualTo("http://localhost/userinfo");
        assertThat(discovery.json().path("revocation_endpoint").asString()).isEqualTo("http://localhost/oauth2/revoke");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("no private part is published").isFalse();
    }

    @Test
    void ownerCreatesAnApiClientWhoseSecretIsShownOnceAndStoredHashed() {
        var shop = fixtures().shop("ADVANCED");

        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "ERP"));
        ApiClient.Response listed = shop.owner().get("/api/v1/shops/" + shop.slug() + "/api-clients");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).path("name").asString()).isEqualTo("ERP");
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("clientSecret");
        String stored = jdbc.sql("SELECT client_secret FROM public.oauth2_registered_client WHERE client_id = ?")
                .param(created.json().path("clientId").asString()).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
        String audited = jdbc.sql("SELECT details::text FROM public.audit_log WHERE tenant_id = ? AND action = 'api-client.created'")
                .param(shop.shopId()).query(String.class).single();
        assertThat(audited).contains(created.json().path("clientId").asString()).doesNotContain(secret);
    }

    @Test
    void apiClientsNeedAPlanWithApiAccess() {
        var shop = fixtures().shop("REGULAR");

        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "ERP"));

        assertThat(created.status()).isEqualTo(402);
        assertThat(created.problemType()).isEqualTo("/problems/api-access-not-in-plan");
    }

    @Test
    void clientCredentialsTokenIsAShortLivedJwtNamingTheShop() {
        var shop = fixtures().shop("ADVANCED");

        String token = tokenFor(shop);

        JsonNode claims = TokenEndpoint.claims(token);
        assertThat(claims.path("shop_id").asString()).isEqualTo(shop.shopId().toString());
        assertThat(claims.path("kind").asString()).isEqualTo("client");
        assertThat(claims.path("iss").asString()).isEqualTo("http://localhost");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void aTokenIsCheckedOnOneDatabaseConnection() throws Exception {
        var shop = fixtures().shop("ADVANCED");
        ApiClient integration = anonymous().withBearer(tokenFor(shop));
        // Spring's JDBC store reads the client while the authorization's result set is open: without
        // one transaction around the lookup that needs a second connection, which concurrent
        // requests holding the rest of the pool never free (they wait for a second one too).
        ApiClient.Response listed = contactsWithFreePlatformConnections(integration, shop, 1);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    }

    @Test
    void aTokenThatCanNotBeCheckedIsAnswered503ToRetry() throws Exception {
        var shop = fixtures().shop("ADVANCED");
        ApiClient integration = anonymous().withBearer(tokenFor(shop));

        ApiClient.Response response = contactsWithFreePlatformConnections(integration, shop, 0);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.problemType()).isEqualTo("/problems/service-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(integration.get("/api/v1/shops/" + shop.slug() + "/contacts").status()).as("once the database is back").isEqualTo(200);
    }

    @Test
    void aConsentIsReadOnOneDatabaseConnection() throws Exception {
        var shop = fixtures().shop("ADVANCED");
        String client = registeredClients.findByClientId(newApiClient(shop).clientId()).getId();
        consents.save(OAuth2AuthorizationConsent.withId(client, "someone@example.com")
                .authority(new SimpleGrantedAuthority("SCOPE_api")).build());

        OAuth2AuthorizationConsent consent;
        try (var held = HeldConnections.allBut(platformPool, 1)) {
            consent = consents.findById(client, "someone@example.com");
        }

        assertThat(consent.getScopes()).containsExactly("api");
    }

    private ApiClient.Response contactsWithFreePlatformConnections(ApiClient integration, Fixtures.SignedUpShop shop, int free)
            throws Exception {
        try (var held = HeldConnections.allBut(platformPool, free)) {
            return integration.get("/api/v1/shops/" + shop.slug() + "/contacts");
        }
    }

    @Test
    void aLiveTokenStopsWorkingOnceThePlanNoLongerIncludesApiAccess() {
        var shop = fixtures().shop("ADVANCED");
        new PaidCheckout(anonymous().base(), clock, webhookWorker, jdbc).subscribe(shop, "ADVANCED", 1);
        ApiClient integration = anonymous().withBearer(tokenFor(shop));
        String contacts = "/api/v1/shops/" + shop.slug() + "/contacts";
        assertThat(integration.get(contacts).status()).isEqualTo(200);

        ApiClient.Response change = shop.owner().post("/api/v1/shops/" + shop.slug() + "/subscription/change",
                Map.of("plan", "REGULAR", "interval", "MONTH"));
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        clock.advance(Duration.ofDays(30).minusMinutes(30));
        billingJobs.applyDueDowngrades();
        clock.reset();  // back to when the token was issued: it is live by its dates, only the plan changed

        ApiClient.Response refused = integration.get(contacts);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("/problems/api-access-not-in-plan");
        assertThat(shop.owner().get(contacts).status()).as("the owner's own session is unaffected").isEqualTo(200);
    }

    @Test
    void clientTokenWorksOnItsShopWithoutCsrf() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient integration = anonymous().withBearer(tokenFor(shop));

        ApiClient.Response created = integration.post("/api/v1/shops/" + shop.slug() + "/contacts", Map.of("name", "Ada", "email", "ada@example.com"));
        ApiClient.Response listed = integration.get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(integration.cookie("SESSION")).as("a bearer request opens no session").isNull();
    }

    @Test
    void tokenForOneShopFindsNothingOnAnotherShop() {
        var shopA = fixtures().shop("ADVANCED");
        var shopB = fixtures().shop("ADVANCED");
        ApiClient integrationOfA = anonymous().withBearer(tokenFor(shopA));

        ApiClient.Response shop = integrationOfA.get("/api/v1/shops/" + shopB.slug());
        ApiClient.Response contacts = integrationOfA.get("/api/v1/shops/" + shopB.slug() + "/contacts");
        ApiClient.Response create = integrationOfA.post("/api/v1/shops/" + shopB.slug() + "/contacts", Map.of("name", "Eve"));

        assertThat(shop.status()).isEqualTo(404);
        assertThat(contacts.status()).isEqualTo(404);
        assertThat(create.status()).isEqualTo(404);
        assertThat(contacts.problemType()).isEqualTo("/problems/not-found");
    }

    @Test
    void clientTokenIsRefusedOnPersonOnlyEndpoints() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient integration = anonymous().withBearer(tokenFor(shop));

        ApiClient.Response openShop = integration.post("/api/v1/shops", Map.of("shopName", "Side", "slug", Fixtures.uniqueSlug("side"),
                "plan", "LITE", "interval", "MONTH"));
        ApiClient.Response listClients = integration.get("/api/v1/shops/" + shop.slug() + "/api-clients");
        ApiClient.Response makeClient = integration.post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "More"));

        assertThat(openShop.status()).isEqualTo(403);
        assertThat(openShop.problemType()).isEqualTo("/problems/person-required");
        assertThat(listClients.status()).isEqualTo(403);
        assertThat(listClients.problemType()).isEqualTo("/problems/person-required");
        assertThat(makeClient.status()).isEqualTo(403);
    }

    @Test
    void tamperedTokenIsA401Problem() {
        var shop = fixtures().shop("ADVANCED");
        String token = tokenFor(shop);
        String[] parts = token.split("\\.");
        String otherShop = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace(shop.shopId().toString(), java.util.UUID.randomUUID().toString())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherShop + "." + parts[2];

        ApiClient.Response response = anonymous().withBearer(tampered).get("/api/v1/shops/" + shop.slug() + "/contacts");
        ApiClient.Response garbage = anonymous().withBearer("not-a-jwt").get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("/problems/invalid-token");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.problemType()).isEqualTo("/problems/invalid-token");
    }

    @Test
    void expiredTokenIsA401Problem() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient integration = anonymous().withBearer(tokenFor(shop));
        assertThat(integration.get("/api/v1/shops/" + shop.slug() + "/contacts").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(6));
        ApiClient.Response response = integration.get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("/problems/invalid-token");
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        var shop = fixtures().shop("ADVANCED");
        Credentials client = newApiClient(shop);
        TokenEndpoint endpoint = new TokenEndpoint(port);
        String token = endpoint.clientCredentials(client.clientId(), client.secret()).accessToken();

        TokenEndpoint.Reply revoked = endpoint.post("/oauth2/revoke", TokenEndpoint.basic(client.clientId(), client.secret()),
                Map.of("token", token, "token_type_hint", "access_token"));
        ApiClient.Response response = anonymous().withBearer(token).get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void deletingAnApiClientEndsItsTokensAtOnce() {
        var shop = fixtures().shop("ADVANCED");
        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "Old"));
        String token = new TokenEndpoint(port).clientCredentials(created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString()).accessToken();

        ApiClient.Response deleted = shop.owner().delete("/api/v1/shops/" + shop.slug() + "/api-clients/" + created.json().path("id").asString());
        ApiClient.Response response = anonymous().withBearer(token).get("/api/v1/shops/" + shop.slug() + "/contacts");
        TokenEndpoint.Reply again = new TokenEndpoint(port).clientCredentials(created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(response.status()).isEqualTo(401);
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void wrongSecretGetsNoToken() {
        var shop = fixtures().shop("ADVANCED");
        Credentials client = newApiClient(shop);

        TokenEndpoint.Reply reply = new TokenEndpoint(port).clientCredentials(client.clientId(), client.secret() + "x");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_client");
    }
}
