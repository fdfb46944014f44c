package com.mercato.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate connections from the one tenant pool, each already in the requested
 * tenant's schema. The schema is switched only when the physical connection's current one
 * differs, and never reset on release: a connection that serves the same shop again costs no
 * extra round trip. We track the schema per physical connection ourselves instead of calling
 * {@link Connection#setSchema}, because HikariCP wraps that call in checks of its own
 * ({@code getSchema} on borrow and a reset on return) that triple the statements of a one-row read.
 * <p>
 * The switch is a plain {@code SET search_path} on an autocommit connection, so it can not be
 * undone by a later rollback. The search path holds the tenant's schema only: a platform
 * table that some code forgot to qualify fails loudly instead of being read from the wrong place.
 */
public final class SchemaSwitchingConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** Keyed by the driver's physical connection, compared by identity; entries die with it. */
    private final Map<Object, String> schemaOfConnection = Collections.synchronizedMap(new WeakHashMap<>());
    private final DataSource tenantPool;

    public SchemaSwitchingConnectionProvider(DataSource tenantPool) {
        this.tenantPool = tenantPool;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return tenantPool.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        TenantSchema schema = new TenantSchema(tenantIdentifier);
        Connection connection = tenantPool.getConnection();
        try {
            switchTo(connection, schema);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        throw new UnsupportedOperationException("Cannot unwrap to " + unwrapType);
    }

    void switchTo(Connection connection, TenantSchema schema) throws SQLException {
        Object physical = physical(connection);
        if (schema.name().equals(schemaOfConnection.get(physical))) {
            return;
        }
        // Forget the old schema first: if the switch fails half-way we must not trust the entry.
        schemaOfConnection.remove(physical);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.quoted());
        }
        if (!connection.getAutoCommit()) {
            // Inside a transaction a rollback would undo the switch behind our back.
            connection.commit();
        }
        schemaOfConnection.put(physical, schema.name());
    }

    private static Object physical(Connection connection) throws SQLException {
        if (connection.isWrapperFor(org.postgresql.PGConnection.class)) {
            return connection.unwrap(org.postgresql.PGConnection.class);
        }
        return connection.unwrap(Connection.class);
    }
}
