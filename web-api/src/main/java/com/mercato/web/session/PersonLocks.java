package com.mercato.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A short lock per person in Redis ({@code SET NX PX}), so that two logins of one person at
 * once, on any nodes, count and register their sessions one after the other. A login holds it
 * until its session is stored (see {@link LoginLockRelease}); the expiry frees it should a
 * node die in between.
 */
@Component
class PersonLocks {

    private static final Logger log = LoggerFactory.getLogger(PersonLocks.class);
    private static final String HELD = PersonLocks.class.getName() + ".HELD";
    private static final Duration EXPIRY = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    PersonLocks(StringRedisTemplate redis, @Value("${mercato.redis.key-prefix:mercato:}") String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** Takes the person's lock for the rest of this request; false when it stayed taken for the whole wait. */
    boolean acquireForRequest(UUID userId, HttpServletRequest request) {
        String key = keyPrefix + "login-lock:" + userId;
        String token = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(WAIT);
        while (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, EXPIRY))) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(15).toNanos());
        }
        held(request).add(new Held(key, token));
        return true;
    }

    void releaseHeldBy(HttpServletRequest request) {
        for (Held lock : Optional.ofNullable(heldOrNull(request)).orElse(List.of())) {
            try {
                redis.execute(RELEASE, List.of(lock.key()), lock.token());
            } catch (RuntimeException e) {
                log.warn("Could not release a login lock; it expires in {}", EXPIRY, e);
            }
        }
        request.removeAttribute(HELD);
    }

    private static List<Held> held(HttpServletRequest request) {
        List<Held> held = heldOrNull(request);
        if (held == null) {
            held = new ArrayList<>();
            request.setAttribute(HELD, held);
        }
        return held;
    }

    @SuppressWarnings("unchecked")
    private static List<Held> heldOrNull(HttpServletRequest request) {
        return (List<Held>) request.getAttribute(HELD);
    }

    private record Held(String key, String token) {
    }
}
