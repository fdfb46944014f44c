package com.mercato.core.migration;

import com.mercato.core.tenancy.TenantSchema;

/** One tenant schema could not be created or migrated; the cause says why. */
public final class SchemaMigrationFailed extends RuntimeException {

    private final TenantSchema schema;

    public SchemaMigrationFailed(TenantSchema schema, Throwable cause) {
        super("Migration of schema " + schema + " failed: " + rootMessage(cause), cause);
        this.schema = schema;
    }

    public TenantSchema schema() {
        return schema;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
