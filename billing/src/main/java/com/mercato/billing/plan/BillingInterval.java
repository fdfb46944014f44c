package com.mercato.billing.plan;

import java.util.Optional;

public enum BillingInterval {
    MONTH, YEAR;

    public static Optional<BillingInterval> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (BillingInterval interval : values()) {
            if (interval.name().equals(text)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }
}
