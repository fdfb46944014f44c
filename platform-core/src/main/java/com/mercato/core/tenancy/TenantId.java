package com.mercato.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** A shop's identity; its schema name is derived from it and from nothing else. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public TenantSchema schema() {
        return TenantSchema.of(this);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
