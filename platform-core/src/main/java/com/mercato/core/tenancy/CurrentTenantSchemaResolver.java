package com.mercato.core.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Tells Hibernate which schema a new session works in: the current tenant's, or none at all. */
public final class CurrentTenantSchemaResolver implements CurrentTenantIdentifierResolver<String> {

    /** Not a valid schema name: a session opened without a tenant fails when it asks for a connection. */
    static final String NO_TENANT = "no-tenant";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(id -> id.schema().name()).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
