package com.mercato.web.session;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

import com.mercato.tenant.session.SessionProblems;
import com.mercato.web.problem.ProblemResponses;

/**
 * Concurrent sessions on the browser chain: {@link SessionLimits} at login, then Spring
 * Security's own login strategies (a new CSRF token, a new session id); a session ended for a newer one answers
 * its next request with 401 {@code /problems/session-ended}.
 */
@Component
public class SessionSecurity {

    private final SessionLimits limits;
    private final ProblemResponses problems;

    SessionSecurity(SessionLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    public void applyTo(HttpSecurity http) throws Exception {
        // Ahead of Spring's own login strategies (CSRF token renewal, a new session id). Set as an explicit
        // sessionAuthenticationStrategy it would replace them, and make Spring run it (and open a session)
        // on every bearer-token request too.
        http.sessionManagement(sessions -> sessions.withObjectPostProcessor(new ObjectPostProcessor<CompositeSessionAuthenticationStrategy>() {
            @Override
            public <O extends CompositeSessionAuthenticationStrategy> O postProcess(O stock) {
                @SuppressWarnings("unchecked")
                O withLimits = (O) new CompositeSessionAuthenticationStrategy(List.of(limits, stock));
                return withLimits;
            }
        }));
        http.addFilterAfter(new EndedSessionFilter(this::expired), SecurityContextHolderFilter.class);
    }

    private void expired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("json")) {
            problems.write(response, ProblemResponses.of(SessionProblems.SESSION_ENDED,
                    "This session was ended because you logged in on more devices than your shop allows. Log in again.", request));
        } else {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        }
    }
}
