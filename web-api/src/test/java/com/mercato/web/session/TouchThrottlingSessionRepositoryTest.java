package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;

import com.mercato.web.session.TouchThrottlingSessionRepository.ThrottledSession;
import com.mercato.web.support.IntegrationTest;

/** The throttle over the application's real Redis session store, with the production interval. */
class TouchThrottlingSessionRepositoryTest extends IntegrationTest {

    @Autowired
    RedisIndexedSessionRepository redis;

    TouchThrottlingSessionRepository<RedisSession> sessions;
    String id;
    Instant stored;

    @BeforeEach
    void aStoredSession() {
        sessions = new TouchThrottlingSessionRepository<>(redis, Duration.ofMinutes(1));
        ThrottledSession<RedisSession> session = sessions.createSession();
        session.setAttribute("device", "Laptop/1.0");
        sessions.save(session);
        id = session.getId();
        stored = storedLastAccess();
    }

    @Test
    void aRequestWithinTheIntervalLeavesTheStoredSessionAsItWas() {
        ThrottledSession<RedisSession> session = sessions.findById(id);
        Instant now = stored.plusSeconds(59);

        session.setLastAccessedTime(now);
        sessions.save(session);

        assertThat(session.getLastAccessedTime()).as("what this request sees").isEqualTo(now);
        assertThat(storedLastAccess()).isEqualTo(stored);
    }

    @Test
    void aRequestOnceTheIntervalHasPassedStoresItsAccessTime() {
        ThrottledSession<RedisSession> session = sessions.findById(id);
        Instant now = stored.plus(Duration.ofMinutes(1));

        session.setLastAccessedTime(now);
        sessions.save(session);

        assertThat(storedLastAccess()).isEqualTo(now);
    }

    @Test
    void aChangedSessionIsStoredWithTheAccessTimeOfItsRequest() {
        ThrottledSession<RedisSession> session = sessions.findById(id);
        Instant now = stored.plusSeconds(5);

        session.setLastAccessedTime(now);
        session.setAttribute("currentShop", "shop-a");
        sessions.save(session);

        RedisSession reloaded = redis.findById(id);
        assertThat(reloaded.<String>getAttribute("currentShop")).isEqualTo("shop-a");
        assertThat(reloaded.getLastAccessedTime()).isEqualTo(now);
    }

    @Test
    void aPersonsSessionsAndDeletionGoToTheStore() {
        ThrottledSession<RedisSession> session = sessions.findById(id);
        session.setAttribute(RedisIndexedSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "someone@example.com");
        sessions.save(session);

        assertThat(sessions.findByPrincipalName("someone@example.com")).containsOnlyKeys(id);

        sessions.deleteById(id);

        assertThat(sessions.findById(id)).isNull();
        assertThat(redis.findById(id)).isNull();
    }

    @Test
    void theStoreReadsItsValuesThroughTheMemoizingSerializer() {
        RedisTemplate<?, ?> template = (RedisTemplate<?, ?>) redis.getSessionRedisOperations();

        assertThat(template.getHashValueSerializer()).isInstanceOf(MemoizingSessionSerializer.class);
    }

    private Instant storedLastAccess() {
        return redis.findById(id).getLastAccessedTime();
    }
}
