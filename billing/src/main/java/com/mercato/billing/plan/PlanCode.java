package com.mercato.billing.plan;

import java.util.Optional;

public enum PlanCode {
    LITE, REGULAR, ADVANCED;

    public static Optional<PlanCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (PlanCode code : values()) {
            if (code.name().equals(text)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
