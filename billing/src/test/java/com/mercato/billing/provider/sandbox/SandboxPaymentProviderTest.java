package com.mercato.billing.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCode;
import com.mercato.billing.provider.CheckoutRequest;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PriceKey;
import com.mercato.core.money.Money;
import com.mercato.core.tenancy.TenantId;

class SandboxPaymentProviderTest {

    private static final Plan REGULAR = new Plan(PlanCode.REGULAR, 1, "Regular", Money.of(39900, "HKD"), Money.of(383040, "HKD"), 5,
            Money.of(7900, "HKD"), Money.of(75840, "HKD"), 20000, 3, 50, 5000, false, 3, 7);

    private final SandboxPaymentProvider sandbox = new SandboxPaymentProvider("http://localhost:8080",
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void checkoutGoesToTheLocalPageAndPayingYieldsStripesEventsAndAnActiveSubscription() {
        TenantId shop = TenantId.random();
        var session = sandbox.startCheckout(new CheckoutRequest(shop, "Tea", "amy@example.com", null,
                List.of(new LineItem(PriceKey.base(REGULAR, BillingInterval.MONTH), 1),
                        new LineItem(PriceKey.extraSeat(REGULAR, BillingInterval.MONTH), 2)),
                "http://localhost:8080/ok", "http://localhost:8080/no"));

        List<String> events = sandbox.pay(session.sessionId());

        assertThat(session.url()).startsWith("http://localhost:8080/sandbox/checkout/");
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).contains("\"type\":\"checkout.session.completed\"", shop.value().toString());
        String subscriptionId = events.get(1).replaceAll(".*\"object\":\\{\"id\":\"([^\"]+)\".*", "$1");
        var subscription = sandbox.subscription(subscriptionId).orElseThrow();
        assertThat(subscription.status()).isEqualTo("active");
        assertThat(subscription.items()).extracting(i -> i.lookupKey() + "x" + i.quantity())
                .containsExactly("mercato_REGULAR_v1_MONTHx1", "mercato_REGULAR_v1_MONTH_seatx2");
        assertThat(sandbox.pay(session.sessionId())).as("a session pays once").isEmpty();
    }

    @Test
    void priceLookupKeysNameThePlanVersionIntervalAndSeat() {
        PriceKey seat = PriceKey.extraSeat(REGULAR, BillingInterval.YEAR);

        assertThat(seat.lookupKey()).isEqualTo("mercato_REGULAR_v1_YEAR_seat");
        assertThat(seat.amount()).isEqualTo(Money.of(75840, "HKD"));
        assertThat(PriceKey.parse(seat.lookupKey())).contains(new PriceKey.Parsed(PlanCode.REGULAR, 1, BillingInterval.YEAR, true));
        assertThat(PriceKey.parse("someone_elses_price")).isEmpty();
    }
}
