package com.mercato.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

class OperationsEndpointsTest extends IntegrationTest {

    @Test
    void readinessIncludesPostgresAndRedis() {
        ApiClient.Response readiness = anonymous().get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsNameRouteTemplatesNotRawPathsOrShopSlugs() {
        SignedUpShop shop = fixtures().shop();
        shop.owner().get("/api/v1/shops/" + shop.slug() + "/contacts");

        String metrics = anonymous().getAny("/actuator/prometheus").body();

        String requestLines = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList().toString();
        assertThat(requestLines).as(metrics.length() > 3000 ? metrics.substring(0, 3000) : metrics).contains("http_server_requests_seconds_count");
        assertThat(requestLines).contains("uri=\"/api/v1/shops/{slug}/contacts\"");
        assertThat(metrics).doesNotContain(shop.slug());
    }

    @Test
    void loginsAreTimedButTheSecurityFiltersOfEachRequestAreNot() {
        SignedUpShop shop = fixtures().shop();  // its owner logs in
        shop.owner().get("/api/v1/shops/" + shop.slug() + "/contacts");

        String metrics = anonymous().getAny("/actuator/prometheus").body();

        assertThat(metrics).contains("spring_security_authentications_seconds_count");
        assertThat(metrics).doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations");
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        ApiClient.Response docs = anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/signup")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/shops/{slug}/contacts/{id}")).isTrue();
        assertThat(anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void everyResponseCarriesARequestIdThatProblemsQuote() {
        ApiClient.Response response = anonymous().get("/api/v1/shops/whatever/contacts");

        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblems() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response notFound = shop.owner().get("/api/v1/nothing-here");
        ApiClient.Response wrongMethod = shop.owner().put("/api/v1/plans", "{}");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.problemType()).isEqualTo("/problems/not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problemType()).isEqualTo("/problems/method-not-allowed");
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }
}
