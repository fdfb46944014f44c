package com.mercato.web.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.ConfigureNotifyKeyspaceEventsAction;
import org.springframework.session.data.redis.config.ConfigureRedisAction;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Sessions in Redis through Spring Session's indexed repository (sessions found by person), with
 * the request path going through {@link TouchThrottlingSessionRepository}.
 *
 * <p>The indexed repository is enabled here rather than by Boot, because Boot's session
 * auto-configuration steps aside as soon as any session repository bean exists, the decorator
 * included. The {@code spring.session.*} properties Boot would have applied (timeout, namespace,
 * flush and save mode, cleanup cron, configure action) are applied the same way below.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisIndexedHttpSession
class SessionConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionProperties(
            SessionDataRedisProperties redis, SessionTimeout timeout) {
        return repository -> {
            PropertyMapper map = PropertyMapper.get();
            map.from(timeout::getTimeout).to(repository::setDefaultMaxInactiveInterval);
            map.from(redis::getNamespace).to(repository::setRedisKeyNamespace);
            map.from(redis::getFlushMode).to(repository::setFlushMode);
            map.from(redis::getSaveMode).to(repository::setSaveMode);
            map.from(redis::getCleanupCron).to(repository::setCleanupCron);
        };
    }

    @Bean
    ConfigureRedisAction configureRedisAction(SessionDataRedisProperties redis) {
        return switch (redis.getConfigureAction()) {
            case NOTIFY_KEYSPACE_EVENTS -> new ConfigureNotifyKeyspaceEventsAction();
            case NONE -> ConfigureRedisAction.NO_OP;
        };
    }

    /**
     * Picked up by name by Spring Session for its hash values. 10,000 contexts of about 2 KB
     * (stored bytes and objects) bound the memo near 20 MB.
     */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        return new MemoizingSessionSerializer(SessionConfiguration.class.getClassLoader(), 10_000);
    }

    /** The repository everything else uses: requests, the session registry, a person's sessions. */
    @Bean
    @Primary
    TouchThrottlingSessionRepository<?> sessions(RedisIndexedSessionRepository stored,
            @Value("${mercato.session.touch-interval}") Duration touchInterval) {
        return new TouchThrottlingSessionRepository<>(stored, touchInterval);
    }

    /** Sessions as every node sees them (Redis, by principal name), not an in-memory registry of one node. */
    @Bean
    <S extends Session> SpringSessionBackedSessionRegistry<S> sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
