package com.mercato.web.password;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Passwords;
import com.mercato.tenant.member.User;
import com.mercato.tenant.member.Users;
import com.mercato.web.security.LoginThrottle;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.security.ShopTokenAuthentication;
import com.mercato.web.session.PersonSessions;

/**
 * A logged-in person changes their password: the current one first (wrong guesses count as
 * failed logins), then every other session ends and this one gets a new id.
 */
@RestController
@PersonOnly
class PasswordChangeController {

    private final Users users;
    private final Passwords passwords;
    private final PersonSessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    PasswordChangeController(Users users, Passwords passwords, PersonSessions sessions, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    record Changed(int otherSessionsEnded) {
    }

    @PostMapping("/api/v1/me/password")
    ResponseEntity<Changed> change(@AuthenticationPrincipal MemberPrincipal member, @RequestBody PasswordChange body,
                                   HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || SecurityContextHolder.getContext().getAuthentication() instanceof ShopTokenAuthentication) {
            throw CoreProblems.FORBIDDEN.exception("Change your password logged in with your browser, not through an app.");
        }
        String address = request.getRemoteAddr();
        throttle.mustWait(member.email(), address).ifPresent(wait -> {
            long seconds = com.mercato.web.security.RateLimits.retryAfterSeconds(wait);
            throw new ProblemException(CoreProblems.RATE_LIMITED, "Too many wrong passwords. Try again in " + seconds + " seconds.",
                    java.util.List.of(), Map.of("retryAfterSeconds", seconds));
        });
        if (!passwords.matches(member.userId(), body.currentPassword())) {
            throttle.failed(member.email(), address);
            throw ProblemException.invalidField("currentPassword", "is not your current password");
        }
        User user = users.findById(member.userId()).orElseThrow(() -> CoreProblems.UNAUTHENTICATED.exception("Log in again."));
        passwords.change(user, body.newPassword(), "newPassword");
        String current = session.getId();
        int ended = sessions.end(user.email(), other -> !other.sessionId().equals(current));
        // A new id for this session too: whoever might have copied the old cookie is out as well.
        request.changeSessionId();
        audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, user.id().toString(), "password.changed", null,
                Map.of("otherSessionsEnded", ended), address));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(new Changed(ended));
    }
}
