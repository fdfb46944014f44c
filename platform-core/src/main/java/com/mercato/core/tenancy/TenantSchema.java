package com.mercato.core.tenancy;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema of one shop: {@code t_} and the 32 hex digits of its id. The only
 * place in the code base that builds a schema name or quotes one for SQL.
 */
public record TenantSchema(String name) {

    private static final Pattern VALID = Pattern.compile("t_[0-9a-f]{32}");

    public TenantSchema {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a tenant schema name");
        }
    }

    public static TenantSchema of(TenantId id) {
        return new TenantSchema("t_" + id.value().toString().replace("-", ""));
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The name as a quoted SQL identifier; safe because the name was validated on construction. */
    public String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
