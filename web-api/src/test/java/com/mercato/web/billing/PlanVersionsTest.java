package com.mercato.web.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.billing.plan.PlanTerms;
import com.mercato.billing.plan.PlanVersions;
import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;

import tools.jackson.databind.JsonNode;

class PlanVersionsTest extends BillingTestBase {

    @Autowired
    PlanVersions versions;
    @Autowired
    PlanCatalog catalog;

    private PlanTerms original;

    @BeforeEach
    void rememberTheLiteTerms() {
        original = PlanTerms.of(catalog.current(PlanCode.LITE).orElseThrow());
    }

    /** Other tests sell Lite at its seed terms: put them back (as a further version, since versions never change). */
    @AfterEach
    void restoreTheLiteTerms() {
        if (!PlanTerms.of(catalog.current(PlanCode.LITE).orElseThrow()).equals(original)) {
            versions.publish(PlanCode.LITE, original, "test");
        }
    }

    @Test
    void aPriceChangeIsANewVersionForNewShopsWhileExistingShopsKeepTheirs() {
        Fixtures.SignedUpShop earlier = fixtures().shop("LITE");
        int soldVersion = entitlements(earlier).path("planVersion").asInt();

        Plan published = versions.publish(PlanCode.LITE, withPriceAndContacts(original, 17900, 171840, 2500), "ops@mercato.example");
        Fixtures.SignedUpShop later = fixtures().shop("LITE");

        assertThat(published.version()).isEqualTo(soldVersion + 1);
        JsonNode lite = liteInCatalog();
        assertThat(lite.path("version").asInt()).isEqualTo(published.version());
        assertThat(lite.path("prices").path("month").path("amount").asLong()).isEqualTo(17900);
        assertThat(entitlements(earlier).path("planVersion").asInt()).isEqualTo(soldVersion);
        assertThat(entitlements(earlier).path("contacts").path("limit").asInt()).isEqualTo(original.contacts());
        assertThat(entitlements(later).path("planVersion").asInt()).isEqualTo(published.version());
        assertThat(entitlements(later).path("contacts").path("limit").asInt()).isEqualTo(2500);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audit_log WHERE action = 'plan.version-published' AND actor_id = 'ops@mercato.example'")
                .query(Long.class).single()).isEqualTo(1);

        // Stripe prices are immutable: the new version is sold under a new price, made on first use.
        checkout(later, "LITE", 2);
        Map<String, Object> price = stripe.priceWithLookupKey("mercato_LITE_v" + published.version() + "_MONTH").orElseThrow();
        assertThat(((Number) price.get("unit_amount")).longValue()).isEqualTo(17900);
    }

    @Test
    void termsThatCannotBeSoldAreRefusedNamingEveryFieldAndChangeNothing() {
        int before = catalog.current(PlanCode.LITE).orElseThrow().version();
        PlanTerms bad = new PlanTerms(" ", 0, 152640, 0, 7900L, null, -1, 1, 5, 0, false, 2, 7);

        assertThatThrownBy(() -> versions.publish(PlanCode.LITE, bad, "ops"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "monthlyPrice", "seats", "extraSeatAnnualPrice", "contacts"));
        assertThat(catalog.current(PlanCode.LITE).orElseThrow().version()).isEqualTo(before);
    }

    private JsonNode liteInCatalog() {
        for (JsonNode plan : anonymous().get("/api/v1/plans").json()) {
            if (plan.path("code").asString().equals("LITE")) {
                return plan;
            }
        }
        throw new AssertionError("Lite is not on sale");
    }

    private static JsonNode entitlements(Fixtures.SignedUpShop shop) {
        ApiClient.Response response = shop.owner().get("/api/v1/shops/" + shop.slug() + "/entitlements");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static PlanTerms withPriceAndContacts(PlanTerms t, long monthly, long annual, int contacts) {
        return new PlanTerms(t.name(), monthly, annual, t.seats(), t.extraSeatMonthlyPrice(), t.extraSeatAnnualPrice(), contacts,
                t.channels(), t.autoReplyRules(), t.broadcastRecipientsPerMonth(), t.apiAccess(), t.sessionsPerMember(), t.trialDays());
    }
}
