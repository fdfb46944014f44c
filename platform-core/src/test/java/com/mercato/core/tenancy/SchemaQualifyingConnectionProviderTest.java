package com.mercato.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
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

class SchemaQualifyingConnectionProviderTest {

    static final String READ = "SELECT name FROM " + SchemaQualifyingConnectionProvider.PLACEHOLDER + ".contacts";

    static TenantSchemas schemas;
    static List<TenantId> tenants;
    static HikariDataSource pool;

    @BeforeAll
    static void tenantsWithOneMarkedContactEach() throws SQLException {
        schemas = new TenantSchemas();
        tenants = schemas.migrated(6);
        pool = tenantPool(4);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (TenantId tenant : tenants) {
                s.execute("INSERT INTO " + tenant.schema().quoted() + ".contacts (id, name, lifecycle_stage, created_at, updated_at) "
                        + "VALUES ('" + UUID.randomUUID() + "', '" + tenant.schema().name() + "', 'LEAD', now(), now())");
            }
        }
    }

    @AfterAll
    static void dropSchemas() {
        pool.close();
        schemas.close();
    }

    @Test
    void connectionsReusedAcrossTenantsInRandomOrderNeverSeeAnotherTenantsRows() throws Exception {
        SchemaQualifyingConnectionProvider provider = new SchemaQualifyingConnectionProvider(pool);
        AtomicInteger reads = new AtomicInteger();
        List<String> leaks = Collections.synchronizedList(new ArrayList<>());
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
                            String seen = i % 2 == 0 ? onlyContactName(connection) : onlyContactNameUnprepared(connection);
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
    void aReadIsOneStatementThatNamesTheTenantsSchema() throws SQLException {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        try (HikariDataSource single = tenantPool(1)) {
            SchemaQualifyingConnectionProvider provider = new SchemaQualifyingConnectionProvider(recordingSql(single, sent));
            List<String> order = List.of(tenants.get(0).schema().name(), tenants.get(1).schema().name(), tenants.get(0).schema().name());

            for (String schema : order) {
                Connection connection = provider.getConnection(schema);
                assertThat(onlyContactName(connection)).isEqualTo(schema);
                provider.releaseConnection(schema, connection);
            }

            assertThat(sent).containsExactly(order.stream().map(s -> "SELECT name FROM \"" + s + "\".contacts").toArray(String[]::new));
        }
    }

    @Test
    void aTenantTableNamedWithoutThePlaceholderIsNotFound() throws SQLException {
        SchemaQualifyingConnectionProvider provider = new SchemaQualifyingConnectionProvider(pool);
        String schema = tenants.get(2).schema().name();
        Connection connection = provider.getConnection(schema);
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM contacts")) {
            assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
        } finally {
            provider.releaseConnection(schema, connection);
        }
    }

    @Test
    void thePlaceholderOutsideATenantConnectionNamesNoSchema() throws SQLException {
        SchemaQualifyingConnectionProvider provider = new SchemaQualifyingConnectionProvider(pool);
        Connection connection = provider.getAnyConnection();
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
        } finally {
            provider.releaseAnyConnection(connection);
        }
    }

    @Test
    void anIdentifierThatIsNoTenantSchemaIsRefusedBeforeAnySql() {
        SchemaQualifyingConnectionProvider provider = new SchemaQualifyingConnectionProvider(pool);

        assertThatThrownBy(() -> provider.getConnection("public")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.getConnection("t_0\"; DROP SCHEMA public; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.getConnection(CurrentTenantSchemaResolver.NO_TENANT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String onlyContactName(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ); ResultSet rs = statement.executeQuery()) {
            return only(rs);
        }
    }

    private static String onlyContactNameUnprepared(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
            return only(rs);
        }
    }

    private static String only(ResultSet rs) throws SQLException {
        rs.next();
        String name = rs.getString(1);
        assertThat(rs.next()).as("one contact per tenant").isFalse();
        return name;
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

    /** As the application's tenant pool: a search path that holds no schema of ours. */
    private static HikariDataSource tenantPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TenantSchemas.coordinates().url());
        config.setUsername(TenantSchemas.coordinates().username());
        config.setPassword(TenantSchemas.coordinates().password());
        config.setMaximumPoolSize(size);
        config.addDataSourceProperty("options", "-c search_path=pg_catalog");
        return new HikariDataSource(config);
    }

    /** A data source whose connections record the SQL of every statement prepared or created through them. */
    private static DataSource recordingSql(DataSource target, List<String> sent) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = SchemaQualifyingConnectionProvider.call(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                sent.add(a != null && a.length > 0 && a[0] instanceof String sql ? sql : m.getName());
                            }
                            return SchemaQualifyingConnectionProvider.call(connection, m, a);
                        });
                    }
                    return result;
                });
    }
}
