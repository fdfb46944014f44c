package com.mercato.billing.plan;

import java.util.Arrays;
import java.util.Optional;

public enum BillingInterval {
    MONTH, YEAR;

    /** The value named exactly so (case matters: the API's codes are upper case), if any. */
    public static Optional<BillingInterval> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.name().equals(text)).findFirst();
    }
}
