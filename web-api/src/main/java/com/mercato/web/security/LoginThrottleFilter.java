package com.mercato.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Users;
import com.mercato.web.problem.ProblemResponses;

/**
 * Refuses a login attempt with 429 before its password is checked once the account or the
 * address had too many failures: a guesser learns nothing more, and bcrypt's cost is not spent.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;
    private final AuditLog audit;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems, AuditLog audit) {
        this.throttle = throttle;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = Users.normalizeEmail(request.getParameter("username"));
        Optional<Duration> wait = throttle.mustWait(email == null ? "" : email, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = RateLimits.retryAfterSeconds(wait.get());
        audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, null, "login.failed", "rate-limited",
                Map.of("email", String.valueOf(email)), request.getRemoteAddr()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, ProblemResponses.of(CoreProblems.RATE_LIMITED,
                "Too many failed logins. Try again in " + seconds + " seconds, or reset your password.",
                java.util.List.of(), Map.of("retryAfterSeconds", seconds), request));
    }
}
