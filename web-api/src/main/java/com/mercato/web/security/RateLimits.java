package com.mercato.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every node: a key counts events until its window
 * (started by the first event) runs out. Keys carry the run's prefix; callers pass hashed
 * parts for anything personal, such as an e-mail address.
 */
@Component
public class RateLimits {

    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
            return n""", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    RateLimits(StringRedisTemplate redis, @Value("${mercato.redis.key-prefix:mercato:}") String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** Counts one event; returns the count in the current window. */
    public long count(String key, Duration window) {
        Long n = redis.execute(COUNT, List.of(keyPrefix + key), Long.toString(window.toMillis()));
        return n == null ? 0 : n;
    }

    /** How long until the key's window ends, when it has reached {@code max} events; empty when not. */
    public Optional<Duration> exhausted(String key, long max) {
        String value = redis.opsForValue().get(keyPrefix + key);
        if (value == null || Long.parseLong(value) < max) {
            return Optional.empty();
        }
        Long millis = redis.getExpire(keyPrefix + key, java.util.concurrent.TimeUnit.MILLISECONDS);
        return Optional.of(Duration.ofMillis(millis == null || millis < 0 ? 1000 : millis));
    }

    public void clear(String key) {
        redis.delete(keyPrefix + key);
    }

    /** Seconds for a {@code Retry-After} header: rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
