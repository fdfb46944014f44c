package com.mercato.web.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.stereotype.Component;

import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.session.SessionOverflow;
import com.mercato.tenant.session.SessionPolicy;
import com.mercato.tenant.session.ShopSessionSettings;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;

/**
 * Concurrent-session control per person, with the limit and overflow policy of the shop the
 * new session starts in. Spring Security's stock strategy has one policy for everyone; here
 * each shop's owner chooses. Counting and registering run under the person's lock
 * ({@link PersonLocks}), so parallel logins never exceed the limit.
 */
@Component
class SessionLimits implements SessionAuthenticationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SessionLimits.class);

    private final SessionRegistry registry;
    private final PersonLocks locks;
    private final CurrentShops currentShops;
    private final ShopSessionSettings settings;
    private final AuditLog audit;

    SessionLimits(SessionRegistry registry, PersonLocks locks, CurrentShops currentShops, ShopSessionSettings settings,
                  AuditLog audit) {
        this.registry = registry;
        this.locks = locks;
        this.currentShops = currentShops;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (!(authentication.getPrincipal() instanceof MemberPrincipal member)) {
            return;
        }
        Optional<ShopAccess> shop = currentShops.firstUsable(member.userId());
        SessionPolicy policy = shop.map(access -> settings.of(access.shop().id())).orElse(SessionPolicy.NO_SHOP);
        if (!locks.acquireForRequest(member.userId(), request)) {
            throw new LoginBusy();
        }
        HttpSession existing = request.getSession(false);
        String currentId = existing == null ? null : existing.getId();
        List<SessionInformation> others = registry.getAllSessions(member, false).stream()
                .filter(info -> !info.getSessionId().equals(currentId))
                .sorted(Comparator.comparing(SessionInformation::getLastRequest))
                .toList();
        int excess = others.size() - policy.maxSessionsPerMember() + 1;
        if (excess > 0) {
            if (policy.overflow() == SessionOverflow.REFUSE_NEW) {
                throw new SessionLimitReached(policy.maxSessionsPerMember());
            }
            // The least recently used go: most likely a device the person no longer uses.
            others.subList(0, excess).forEach(SessionInformation::expireNow);
            log.info("Ended {} session(s) of user {} beyond the limit of {}", excess, member.userId(), policy.maxSessionsPerMember());
            audit.record(new AuditEntry(shop.map(access -> access.shop().id()).orElse(null), AuditEntry.ActorType.USER,
                    member.userId().toString(), "session.ended", "session-limit",
                    Map.of("sessions", excess, "maxSessionsPerMember", policy.maxSessionsPerMember()), request.getRemoteAddr()));
        }
        HttpSession session = request.getSession();
        session.setAttribute(SessionAttributes.CURRENT_SHOP, shop.map(access -> access.shop().id().value().toString()).orElse(null));
        session.setAttribute(SessionAttributes.DEVICE, abbreviate(request.getHeader("User-Agent")));
        session.setAttribute(SessionAttributes.IP, request.getRemoteAddr());
    }

    private static String abbreviate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300);
    }
}
