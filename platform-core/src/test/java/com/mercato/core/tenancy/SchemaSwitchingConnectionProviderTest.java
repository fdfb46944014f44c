package com.mercato.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mercato.core.TenantSchemas;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

class SchemaSwitchingConnectionProviderTest {

    static TenantSchemas schemas;
    static List<TenantId> tenants;
    static HikariDataSource pool;
    static final AtomicInteger schemaSwitches = new AtomicInteger();

    @BeforeAll
    static void tenantsWithOneMarkedContactEach() throws SQLException {
        schemas = new TenantSchemas();
        tenants = schemas.migrated(6);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TenantSchemas.coordinates().url());
        config.setUsername(TenantSchemas.coordinates().username());
        config.setPassword(TenantSchemas.coordinates().password());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (TenantId tenant : tenants) {
                s.execute("INSERT INTO " + tenant.schema().quoted() + ".contacts (id, name, lifecycle_stage, created_at, updated_at) "
                        + "VALUES ('" + UUID.randomUUID() + "', '" + tenant.schema().name() + "', 'LEAD', now(), now())");
            }
            // Leave this pooled connection in some tenant's schema, as real traffic would.
            s.execute("SET search_path TO " + tenants.getFirst().schema().quoted());
        }
    }

    @AfterAll
    static void dropSchemas() {
        pool.close();
        schemas.close();
    }

    @Test
    void connectionsReusedAcrossTenantsInRandomOrderNeverSeeAnotherTenantsRows() throws Exception {
        SchemaSwitchingConnectionProvider provider = new SchemaSwitchingConnectionProvider(pool);
        AtomicInteger reads = new AtomicInteger();
        List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        TenantId tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
                        String expected = tenant.schema().name();
                        Connection connection = provider.getConnection(expected);
                        try {
                            if (i % 10 == 0) {
                                failInsideATransaction(connection);
                            }
                            String seen = onlyContactName(connection);
                            if (!expected.equals(seen)) {
                                leaks.add("expected " + expected + " but read " + seen);
                            }
                            reads.incrementAndGet();
                        } finally {
                            provider.releaseConnection(expected, connection);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(reads.get()).isEqualTo(16 * 300);
    }

    @Test
    void aConnectionServingTheSameTenantAgainIsNotSwitchedAgain() throws SQLException {
        try (HikariDataSource single = singleConnectionPool(true)) {
            SchemaSwitchingConnectionProvider provider = new SchemaSwitchingConnectionProvider(countingSwitches(single));
            String a = tenants.get(0).schema().name();
            String b = tenants.get(1).schema().name();
            schemaSwitches.set(0);

            for (String schema : List.of(a, a, a, b, b, a)) {
                Connection connection = provider.getConnection(schema);
                assertThat(onlyContactName(connection)).isEqualTo(schema);
                provider.releaseConnection(schema, connection);
            }

            assertThat(schemaSwitches.get()).as("switches for a,a,a,b,b,a").isEqualTo(3);
        }
    }

    @Test
    void aSwitchIsNotUndoneByALaterRollback() throws SQLException {
        try (HikariDataSource single = singleConnectionPool(false)) {
            SchemaSwitchingConnectionProvider provider = new SchemaSwitchingConnectionProvider(single);
            String a = tenants.get(2).schema().name();
            String b = tenants.get(3).schema().name();

            Connection first = provider.getConnection(a);
            first.rollback();
            provider.releaseConnection(a, first);
            Connection second = provider.getConnection(b);
            second.rollback();
            provider.releaseConnection(b, second);
            Connection third = provider.getConnection(a);

            assertThat(onlyContactName(third)).isEqualTo(a);
            provider.releaseConnection(a, third);
        }
    }

    @Test
    void anIdentifierThatIsNoTenantSchemaIsRefusedBeforeAnySql() {
        SchemaSwitchingConnectionProvider provider = new SchemaSwitchingConnectionProvider(pool);

        assertThatThrownBy(() -> provider.getConnection("public")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.getConnection("t_0\"; DROP SCHEMA public; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.getConnection(CurrentTenantSchemaResolver.NO_TENANT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String onlyContactName(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM contacts");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            String name = rs.getString(1);
            assertThat(rs.next()).as("one contact per tenant").isFalse();
            return name;
        }
    }

    private static void failInsideATransaction(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1 / 0");
        } catch (SQLException expected) {
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static HikariDataSource singleConnectionPool(boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setAutoCommit(autoCommit);
        config.setJdbcUrl(TenantSchemas.coordinates().url());
        config.setUsername(TenantSchemas.coordinates().username());
        config.setPassword(TenantSchemas.coordinates().password());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /** A data source whose connections count the schema switches executed through them. */
    private static DataSource countingSwitches(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return countingConnection(connection);
                    }
                    return result;
                });
    }

    private static Connection countingConnection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (p, m, a) -> {
                    if (m.getName().equals("execute") && a != null && a[0] instanceof String sql && sql.startsWith("SET search_path")) {
                        schemaSwitches.incrementAndGet();
                    }
                    return invoke(statement, m, a);
                });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
