package com.mercato.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/** Where the PostgreSQL server and the Redis server for this test run are. */
sealed interface ServerLocation {

    String kind();

    /** JDBC URL of a database that always exists (to create and drop others from). */
    String adminUrl();

    String databaseUrl(String database);

    String user();

    String password();

    String redisUrl();

    default void stop() {
    }

    static ServerLocation find() {
        String db = System.getenv("MERCATO_TEST_DATABASE_URL");
        String redis = System.getenv("MERCATO_TEST_REDIS_URL");
        if (db != null && !db.isBlank() && redis != null && !redis.isBlank()) {
            return Environment.of(db, redis);
        }
        if (dockerAnswers()) {
            return Containers.start();
        }
        return Embedded.start();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** {@code MERCATO_TEST_DATABASE_URL} is a JDBC URL with user and password as query parameters, if any. */
    record Environment(String adminUrl, String user, String password, String redisUrl) implements ServerLocation {
        static Environment of(String jdbcUrl, String redisUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String user = "postgres";
            String password = "";
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv[0].equals("user")) {
                        user = kv[1];
                    } else if (kv[0].equals("password")) {
                        password = kv[1];
                    }
                }
            }
            String admin = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/postgres";
            return new Environment(admin, user, password, redisUrl);
        }

        @Override
        public String kind() {
            return "environment";
        }

        @Override
        public String databaseUrl(String database) {
            return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        }
    }

    record Containers(PostgreSQLContainer postgres, GenericContainer<?> redis) implements ServerLocation {
        @SuppressWarnings("resource")
        static Containers start() {
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            postgres.start();
            redis.start();
            return new Containers(postgres, redis);
        }

        @Override
        public String kind() {
            return "testcontainers";
        }

        @Override
        public String adminUrl() {
            return databaseUrl("postgres");
        }

        @Override
        public String databaseUrl(String database) {
            return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String user() {
            return postgres.getUsername();
        }

        @Override
        public String password() {
            return postgres.getPassword();
        }

        @Override
        public String redisUrl() {
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }

        @Override
        public void stop() {
            redis.stop();
            postgres.stop();
        }
    }

    record Embedded(EmbeddedPostgres postgres, RedisServer redis, int redisPort) implements ServerLocation {
        static Embedded start() {
            try {
                Path dir = Files.createTempDirectory("mercato-test-pg");
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(true)
                        .start();
                int port = freePort();
                RedisServer redis = new RedisServer(port);
                redis.start();
                return new Embedded(postgres, redis, port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL and Redis for tests", e);
            }
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public String adminUrl() {
            return databaseUrl("postgres");
        }

        @Override
        public String databaseUrl(String database) {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        }

        @Override
        public String user() {
            return "postgres";
        }

        @Override
        public String password() {
            return "postgres";
        }

        @Override
        public String redisUrl() {
            return "redis://127.0.0.1:" + redisPort;
        }

        @Override
        public void stop() {
            try {
                redis.stop();
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
