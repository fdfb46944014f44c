package com.mercato.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Writes a session's last-access time back only once the stored one is {@code touchInterval} old.
 *
 * <p>Spring Session sets the last-access time on every request, so every request saved the session:
 * with the indexed Redis repository that is about seven Redis commands (the hash, its expiry, the
 * shadow key, the minute's expiry set) after the one that loaded it, 17% of a tenant read's CPU in
 * the tenant-read bench plus Redis's own work. Any other change (an attribute, the id, the timeout)
 * is written as before and carries the current access time with it.
 *
 * <p>What it costs: a session in use is stored as last used at most {@code touchInterval} ago, so
 * it can expire that much before its idle timeout measured from the real last request, and "least
 * recently used" among a person's sessions (END_OLDEST) is exact only across that interval. With the
 * default of a minute against a 30-minute idle timeout, neither is a user-visible difference.
 */
final class TouchThrottlingSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession<S>> {

    private final FindByIndexNameSessionRepository<S> stored;
    private final Duration touchInterval;

    TouchThrottlingSessionRepository(FindByIndexNameSessionRepository<S> stored, Duration touchInterval) {
        if (touchInterval.isNegative()) {
            throw new IllegalArgumentException("touch interval must not be negative: " + touchInterval);
        }
        this.stored = stored;
        this.touchInterval = touchInterval;
    }

    @Override
    public ThrottledSession<S> createSession() {
        return new ThrottledSession<>(stored.createSession(), touchInterval);
    }

    @Override
    public void save(ThrottledSession<S> session) {
        stored.save(session.stored);
    }

    @Override
    public ThrottledSession<S> findById(String id) {
        S session = stored.findById(id);
        return session == null ? null : new ThrottledSession<>(session, touchInterval);
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
    }

    @Override
    public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession<S>> sessions = new LinkedHashMap<>();
        stored.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new ThrottledSession<>(session, touchInterval)));
        return sessions;
    }

    /**
     * A stored session whose last-access time moves at once for this request but reaches the store
     * only when it is due or when something else changes.
     */
    static final class ThrottledSession<S extends Session> implements Session {

        private final S stored;
        private final Duration touchInterval;
        private Instant lastAccessedTime;

        private ThrottledSession(S stored, Duration touchInterval) {
            this.stored = stored;
            this.touchInterval = touchInterval;
            this.lastAccessedTime = stored.getLastAccessedTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessedTime = lastAccessedTime;
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(touchInterval) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessedTime;
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            touchNow();
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            touchNow();
            stored.removeAttribute(attributeName);
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            touchNow();
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public String changeSessionId() {
            touchNow();
            return stored.changeSessionId();
        }

        /** The session is written anyway, so it goes with the real access time and a fresh expiry. */
        private void touchNow() {
            if (!lastAccessedTime.equals(stored.getLastAccessedTime())) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        /** As the store sees it: the store expires the session from the time it holds. */
        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
