package com.mercato.billing.provider;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCode;
import com.mercato.core.money.Money;

/**
 * One provider price: a plan version's base price or its extra seat, per interval. Its lookup
 * key names all of that, so a subscription's items map back to our plan without a table, and a
 * plan edit (a new version) gets new prices, as provider prices are immutable.
 */
public record PriceKey(PlanCode plan, int version, BillingInterval interval, boolean extraSeat, Money amount, String productName) {

    private static final Pattern KEY = Pattern.compile("mercato_(LITE|REGULAR|ADVANCED)_v(\\d+)_(MONTH|YEAR)(_seat)?");

    public static PriceKey base(Plan plan, BillingInterval interval) {
        return new PriceKey(plan.code(), plan.version(), interval, false, plan.price(interval), "Mercato " + plan.name());
    }

    public static PriceKey extraSeat(Plan plan, BillingInterval interval) {
        Money price = interval == BillingInterval.YEAR ? plan.extraSeatAnnualPrice() : plan.extraSeatMonthlyPrice();
        return new PriceKey(plan.code(), plan.version(), interval, true, price, "Mercato " + plan.name() + " extra seat");
    }

    public String lookupKey() {
        return "mercato_" + plan + "_v" + version + "_" + interval + (extraSeat ? "_seat" : "");
    }

    /** What a lookup key names (without amount), or empty for a price that is not ours. */
    public static Optional<Parsed> parse(String lookupKey) {
        if (lookupKey == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(lookupKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(PlanCode.valueOf(m.group(1)), Integer.parseInt(m.group(2)),
                BillingInterval.valueOf(m.group(3)), m.group(4) != null));
    }

    public record Parsed(PlanCode plan, int version, BillingInterval interval, boolean extraSeat) {
    }
}
