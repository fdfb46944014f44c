package com.mercato.tenant.provisioning;

import java.time.Instant;
import java.util.UUID;

/** What it takes to open a shop: its name and address, its plan and trial, and its owner. */
public record NewShop(String name, String slug, String planCode, String billingInterval, Instant trialEndsAt, Owner owner) {

    /** The owner is either a new person signing up, or someone who already has a login. */
    public sealed interface Owner {
    }

    public record NewOwner(String email, String name, String password) implements Owner {
        @Override
        public String toString() {
            return "NewOwner[email=" + email + ", name=" + name + "]";
        }
    }

    public record ExistingUser(UUID userId) implements Owner {
    }
}
