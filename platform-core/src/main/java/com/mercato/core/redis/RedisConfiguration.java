package com.mercato.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import com.mercato.core.database.EmbeddedServices;

import io.lettuce.core.RedisURI;
import redis.embedded.RedisServer;

/**
 * Redis through Lettuce: the configured server ({@code spring.data.redis.url}), or on the
 * embedded default a Redis started in-process with its append-only file under the data folder,
 * so sessions survive a restart.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean
    LettuceConnectionFactory redisConnectionFactory(Environment environment, EmbeddedServices embedded) {
        String url = environment.getProperty("spring.data.redis.url");
        RedisStandaloneConfiguration server;
        if (url != null && !url.isBlank()) {
            RedisURI uri = RedisURI.create(url);
            server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
            server.setDatabase(uri.getDatabase());
            if (uri.getPassword() != null) {
                server.setPassword(RedisPassword.of(uri.getPassword()));
            }
            if (uri.getUsername() != null) {
                server.setUsername(uri.getUsername());
            }
        } else {
            int port = startEmbedded(environment, embedded);
            server = new RedisStandaloneConfiguration("127.0.0.1", port);
        }
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(environment.getProperty("mercato.redis.command-timeout", Duration.class, Duration.ofSeconds(2)))
                .build();
        return new LettuceConnectionFactory(server, client);
    }

    private static int startEmbedded(Environment environment, EmbeddedServices embedded) {
        try {
            Path dir = Path.of(environment.getProperty("mercato.data-dir", "./data")).resolve("redis").toAbsolutePath();
            Files.createDirectories(dir);
            int port = environment.getProperty("mercato.embedded.redis-port", Integer.class, 0);
            if (port <= 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            }
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .build();
            redis.start();
            embedded.register(redis::stop);
            log.info("Embedded Redis listening on port {}, data in {}", port, dir);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis", e);
        }
    }
}
