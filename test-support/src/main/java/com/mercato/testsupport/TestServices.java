package com.mercato.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The PostgreSQL and Redis a test run uses, found in this order: the environment
 * ({@code MERCATO_TEST_DATABASE_URL}, {@code MERCATO_TEST_REDIS_URL}), Testcontainers where a
 * Docker engine answers, else embedded servers. Each JVM gets its own database and Redis key
 * prefix, dropped when the JVM ends; databases and keys that a killed run left behind are
 * swept when the next run starts.
 */
public final class TestServices {

    private static final String DATABASE_PREFIX = "mercato_test_";
    private static final String REDIS_PREFIX = "mercato:test:";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(3);
    private static final Pattern RUN_NAME = Pattern.compile("(\\d{10})_[0-9a-f]{8}");

    private static volatile TestServices instance;

    private final ServerLocation server;
    private final String runId;
    private final String databaseUrl;

    private TestServices(ServerLocation server) {
        this.server = server;
        this.runId = Instant.now().getEpochSecond() + "_" + "%08x".formatted(ThreadLocalRandom.current().nextInt());
        sweepAbandonedRuns();
        execute(server.adminUrl(), "CREATE DATABASE \"" + databaseName() + "\"");
        this.databaseUrl = server.databaseUrl(databaseName());
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropEverything, "test-services-cleanup"));
    }

    public static TestServices get() {
        TestServices local = instance;
        if (local == null) {
            synchronized (TestServices.class) {
                local = instance;
                if (local == null) {
                    local = new TestServices(ServerLocation.find());
                    instance = local;
                }
            }
        }
        return local;
    }

    /** JDBC URL of this run's own database. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public String databaseUser() {
        return server.user();
    }

    public String databasePassword() {
        return server.password();
    }

    /** JDBC URL of the server's maintenance database, for tests that create databases of their own. */
    public String adminUrl() {
        return server.adminUrl();
    }

    public String redisUrl() {
        return server.redisUrl();
    }

    /** Every Redis key this run writes starts with this prefix. */
    public String redisKeyPrefix() {
        return REDIS_PREFIX + runId + ":";
    }

    public String describe() {
        return server.kind() + " (database " + databaseName() + ", redis prefix " + redisKeyPrefix() + ")";
    }

    private String databaseName() {
        return DATABASE_PREFIX + runId;
    }

    private void dropEverything() {
        try {
            execute(server.adminUrl(), "DROP DATABASE IF EXISTS \"" + databaseName() + "\" WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("Could not drop test database " + databaseName() + ": " + e.getMessage());
        }
        deleteRedisKeys(redisKeyPrefix() + "*");
        server.stop();
    }

    private void sweepAbandonedRuns() {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mercato\\_test\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Matcher m = RUN_NAME.matcher(name.substring(DATABASE_PREFIX.length()));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    abandoned.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list test databases", e);
        }
        for (String name : abandoned) {
            execute(server.adminUrl(), "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
        try (RedisClient client = RedisClient.create(server.redisUrl())) {
            RedisCommands<String, String> redis = client.connect().sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(REDIS_PREFIX + "*").limit(1000));
                for (String key : page.getKeys()) {
                    Matcher m = RUN_NAME.matcher(key.substring(REDIS_PREFIX.length()).split(":", 2)[0]);
                    if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                        redis.unlink(key);
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
    }

    private void deleteRedisKeys(String pattern) {
        try (RedisClient client = RedisClient.create(server.redisUrl())) {
            RedisCommands<String, String> redis = client.connect().sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
                if (!page.getKeys().isEmpty()) {
                    redis.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            System.err.println("Could not delete test keys " + pattern + ": " + e.getMessage());
        }
    }

    private void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }
}
