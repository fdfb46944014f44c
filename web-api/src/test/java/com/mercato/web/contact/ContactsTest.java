package com.mercato.web.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.mercato.web.support.ApiClient;
import com.mercato.web.support.HeldConnections;
import com.mercato.web.support.Fixtures.SignedUpShop;
import com.mercato.web.support.IntegrationTest;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

class ContactsTest extends IntegrationTest {

    @Autowired
    @Qualifier("tenantDataSource")
    HikariDataSource tenantPool;

    @Test
    void aWriteThatFindsNoDatabaseConnectionIsAnswered503ToRetryAndChangesNothing() throws Exception {
        SignedUpShop shop = fixtures().shop();
        String contacts = "/api/v1/shops/" + shop.slug() + "/contacts";

        ApiClient.Response refused;
        try (var held = HeldConnections.allBut(tenantPool, 0)) {
            refused = shop.owner().post(contacts, Map.of("name", "Lee Siu Lung"));
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.problemType()).isEqualTo("/problems/service-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(shop.owner().get(contacts).json().path("totalItems").asLong()).isZero();
    }

    @Test
    void ownerCreatesListsReadsUpdatesAndDeletesContacts() {
        SignedUpShop shop = fixtures().shop();
        String contacts = "/api/v1/shops/" + shop.slug() + "/contacts";

        ApiClient.Response created = shop.owner().post(contacts, Map.of(
                "name", "Chan Tai Man", "email", "Chan@Example.com", "phone", "+85291234567", "tags", List.of("vip", "tea")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo(contacts + "/" + id);
        assertThat(created.json().path("email").asString()).isEqualTo("chan@example.com");

        JsonNode page = shop.owner().get(contacts).json();
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("name").asString()).isEqualTo("Chan Tai Man");

        ApiClient.Response read = shop.owner().get(contacts + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("vip", "tea");

        ApiClient.Response updated = shop.owner().patch(contacts + "/" + id, Map.of("lifecycleStage", "CUSTOMER", "phone", "+85298765432"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("lifecycleStage").asString()).isEqualTo("CUSTOMER");
        assertThat(updated.json().path("name").asString()).as("untouched field").isEqualTo("Chan Tai Man");
        assertThat(updated.json().path("version").asLong()).isEqualTo(1);

        assertThat(shop.owner().delete(contacts + "/" + id).status()).isEqualTo(204);
        assertThat(shop.owner().get(contacts + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void searchFindsByNameEmailOrPhone() {
        SignedUpShop shop = fixtures().shop();
        String contacts = "/api/v1/shops/" + shop.slug() + "/contacts";
        shop.owner().post(contacts, Map.of("name", "Wong Siu Ming", "email", "wong@example.com"));
        shop.owner().post(contacts, Map.of("name", "Lee Ka Yan", "phone", "+85260001111"));

        assertThat(names(shop.owner().get(contacts + "?q=siu"))).containsExactly("Wong Siu Ming");
        assertThat(names(shop.owner().get(contacts + "?q=6000"))).containsExactly("Lee Ka Yan");
        assertThat(names(shop.owner().get(contacts + "?q=WONG@"))).containsExactly("Wong Siu Ming");
    }

    @Test
    void anotherShopsOwnerGets404ForTheWholeShopTree() {
        SignedUpShop victim = fixtures().shop();
        SignedUpShop other = fixtures().shop();
        String base = "/api/v1/shops/" + victim.slug();
        String id = victim.owner().post(base + "/contacts", Map.of("name", "Secret Customer")).json().path("id").asString();
        ApiClient.Response absentShop = other.owner().get("/api/v1/shops/no-such-shop-here");

        List<ApiClient.Response> attempts = List.of(
                other.owner().get(base),
                other.owner().get(base + "/contacts"),
                other.owner().get(base + "/contacts/" + id),
                other.owner().patch(base + "/contacts/" + id, Map.of("name", "Hacked")),
                other.owner().delete(base + "/contacts/" + id),
                other.owner().post(base + "/contacts", Map.of("name", "Planted")));

        for (ApiClient.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
            assertThat(attempt.problemType()).isEqualTo(absentShop.problemType());
            assertThat(attempt.json().path("detail").asString()).isEqualTo(absentShop.json().path("detail").asString());
        }
        JsonNode stillThere = victim.owner().get(base + "/contacts/" + id).json();
        assertThat(stillThere.path("name").asString()).isEqualTo("Secret Customer");
        assertThat(victim.owner().get(base + "/contacts").json().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aContactIdOfAnotherShopIs404InsideYourOwnShop() {
        SignedUpShop a = fixtures().shop();
        SignedUpShop b = fixtures().shop();
        String idInA = a.owner().post("/api/v1/shops/" + a.slug() + "/contacts", Map.of("name", "Only in A")).json().path("id").asString();

        ApiClient.Response response = b.owner().get("/api/v1/shops/" + b.slug() + "/contacts/" + idInA);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void duplicateEmailWithinAShopIsAConflictButAnotherShopMayUseIt() {
        SignedUpShop a = fixtures().shop();
        SignedUpShop b = fixtures().shop();
        a.owner().post("/api/v1/shops/" + a.slug() + "/contacts", Map.of("name", "First", "email", "same@example.com"));

        ApiClient.Response duplicate = a.owner().post("/api/v1/shops/" + a.slug() + "/contacts", Map.of("name", "Second", "email", "SAME@example.com"));
        ApiClient.Response elsewhere = b.owner().post("/api/v1/shops/" + b.slug() + "/contacts", Map.of("name", "Third", "email", "same@example.com"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemType()).isEqualTo("/problems/contact-email-taken");
        assertThat(duplicate.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void invalidContactFieldsAreReported() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response response = shop.owner().post("/api/v1/shops/" + shop.slug() + "/contacts",
                Map.of("name", " ", "email", "nope", "phone", "12345", "lifecycleStage", "FRIEND"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("name", "email", "phone", "lifecycleStage");
    }

    @Test
    void updatingAStaleVersionIsAConflict() {
        SignedUpShop shop = fixtures().shop();
        String contacts = "/api/v1/shops/" + shop.slug() + "/contacts";
        String id = shop.owner().post(contacts, Map.of("name", "Versioned")).json().path("id").asString();
        shop.owner().patch(contacts + "/" + id, Map.of("name", "Changed once", "version", 0));

        ApiClient.Response stale = shop.owner().patch(contacts + "/" + id, Map.of("name", "Changed from old copy", "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("/problems/stale-version");
        assertThat(shop.owner().get(contacts + "/" + id).json().path("name").asString()).isEqualTo("Changed once");
    }

    @Test
    void contactsNeedALogin() {
        SignedUpShop shop = fixtures().shop();

        ApiClient.Response response = anonymous().get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("/problems/unauthenticated");
    }

    private static List<String> names(ApiClient.Response response) {
        return response.json().path("items").valueStream().map(c -> c.path("name").asString()).toList();
    }
}
