package com.mercato.web.session;

import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.mercato.core.secret.SecretTokens;

/**
 * A person's live sessions as every node sees them (Spring Session's principal index in
 * Redis). Sessions are named outward by a handle, a hash of the id, never by the id itself: the
 * id is what the session cookie carries.
 */
@Component
public class PersonSessions {

    private static final Logger log = LoggerFactory.getLogger(PersonSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final SessionRegistry registry;

    PersonSessions(FindByIndexNameSessionRepository<? extends Session> repository, SessionRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    /** One session as its owner may see it. */
    public record LiveSession(String sessionId, String handle, String device, String ip, String currentShopId,
                              Instant createdAt, Instant lastSeen) {
        @Override
        public String toString() {
            return "LiveSession[" + handle + "]";
        }
    }

    /** The person's sessions that have not been ended, most recently used first. */
    public List<LiveSession> of(String email) {
        Set<String> live = registry.getAllSessions(email, false).stream()
                .map(SessionInformation::getSessionId)
                .collect(Collectors.toSet());
        Map<String, ? extends Session> sessions = repository.findByPrincipalName(email);
        return sessions.values().stream()
                .filter(session -> live.contains(session.getId()))
                .map(session -> new LiveSession(session.getId(), handle(session.getId()),
                        session.getAttribute(SessionAttributes.DEVICE), session.getAttribute(SessionAttributes.IP),
                        session.getAttribute(SessionAttributes.CURRENT_SHOP), session.getCreationTime(),
                        session.getLastAccessedTime()))
                .sorted(Comparator.comparing(LiveSession::lastSeen).reversed())
                .toList();
    }

    /** Ends (deletes) the person's sessions that match; returns how many. */
    public int end(String email, Predicate<LiveSession> which) {
        List<LiveSession> ending = of(email).stream().filter(which).toList();
        ending.forEach(session -> repository.deleteById(session.sessionId()));
        if (!ending.isEmpty()) {
            log.info("Ended {} session(s)", ending.size());
        }
        return ending.size();
    }

    public static String handle(String sessionId) {
        byte[] digest = SecretTokens.sha256("mercato-session:" + sessionId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }
}
