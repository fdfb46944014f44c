package com.mercato.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mercato.MercatoApplication;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The application in this JVM against a database and a Redis key prefix of its own, on loopback;
 * {@link #close()} stops it, drops the database and deletes the keys.
 */
final class BenchApp implements AutoCloseable {

    static final String POSTGRES = System.getProperty("bench.postgres", "127.0.0.1:5432");
    static final String POSTGRES_USER = System.getProperty("bench.postgres-user", "postgres");
    static final String REDIS = System.getProperty("bench.redis", "redis://127.0.0.1:6379/0");

    final String database;
    final String redisPrefix;
    final Path dataDir;
    final ConfigurableApplicationContext context;
    final String base;

    private BenchApp(String database, String redisPrefix, Path dataDir, ConfigurableApplicationContext context) {
        this.database = database;
        this.redisPrefix = redisPrefix;
        this.dataDir = dataDir;
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Creates the database, starts the application with {@code extra} properties on top of ours. */
    static BenchApp start(String name, Path results, Map<String, Object> extra) {
        String database = "mercato_bench_" + name;
        admin("CREATE DATABASE \"" + database + "\"");
        String prefix = "mercato:bench:" + name + ":";
        Path dataDir = results.resolve("data");
        try {
            System.setProperty("liquibase.analytics.enabled", "false");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", "jdbc:postgresql://" + POSTGRES + "/" + database);
            properties.put("spring.datasource.username", POSTGRES_USER);
            properties.put("spring.data.redis.url", REDIS);
            properties.put("mercato.redis.key-prefix", prefix);
            properties.put("spring.session.data.redis.namespace", prefix + "session");
            properties.put("mercato.data-dir", dataDir.toString());
            properties.put("server.address", "127.0.0.1");
            properties.put("server.port", "0");
            properties.put("mercato.oauth.issuer", "http://127.0.0.1");
            properties.put("mercato.key-encryption-key", "q8s8cX1sK0m3m2yQyC9b3rXh2zYp0m6nJ4t7w1v5u8A=");
            properties.put("logging.file.name", results.resolve("app.log").toString());
            properties.put("logging.threshold.console", "WARN");
            properties.put("spring.main.banner-mode", "off");
            properties.putAll(extra);
            // As command-line arguments: they outrank application.yml (default properties would not).
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(MercatoApplication.class).run(args);
            return new BenchApp(database, prefix, dataDir, context);
        } catch (RuntimeException e) {
            dropQuietly(database, prefix, dataDir);
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            dropQuietly(database, redisPrefix, dataDir);
        }
    }

    private static void dropQuietly(String database, String prefix, Path dataDir) {
        try {
            admin("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
        try (RedisClient client = RedisClient.create(REDIS); StatefulRedisConnection<String, String> redis = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
                if (!page.getKeys().isEmpty()) {
                    redis.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            System.err.println("could not delete Redis keys " + prefix + "*: " + e.getMessage());
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + POSTGRES + "/postgres", POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static void log(String format, Object... args) {
        System.err.printf("[%s] %s%n", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), format.formatted(args));
    }
}
